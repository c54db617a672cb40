package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** The twin of {@code ParameterHandleUsedAfterDeallocate}: the value is read before the handle is freed. */
public final class ParameterHandleReadBeforeDeallocate {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        return release(store, store.allocate(16, 8));
    }

    @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
    static long release(@Stable @Multiple Store store, long handle) {
        long value = store.resolve(handle, 16).get(JAVA_LONG, 0);
        store.deallocate(handle, 16, 8);
        return value;
    }
}
