package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The twin of {@code ParameterHandleGrowStalesPointerOnStableStore}: the pointer is resolved again from the grown handle. */
public final class ParameterHandleReresolvedAfterGrow {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        resize(store, store.allocate(16, 8));
    }

    @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
    static long resize(@Stable Store store, long handle) {
        MemorySegment head = store.resolve(handle, 16);
        head.set(JAVA_LONG, 0, 1);
        long grown = store.grow(handle, 16, 64, 8);
        head = store.resolve(grown, 64);
        head.set(JAVA_LONG, 0, 2);
        return grown;
    }
}
