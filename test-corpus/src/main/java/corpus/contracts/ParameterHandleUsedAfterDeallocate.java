package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** A parameter handle freed in the method is stale afterwards, like a local one. */
public final class ParameterHandleUsedAfterDeallocate {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        return release(store, store.allocate(16, 8));
    }

    @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
    static long release(@Stable @Multiple Store store, long handle) {
        store.deallocate(handle, 16, 8);
        // :: error: [handle.stale]
        return store.resolve(handle, 16).get(JAVA_LONG, 0);
    }
}
