package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A handle that arrives as a parameter is tracked like a local one: growing it stales the pointer resolved from it, even on a {@code @Stable} store. */
public final class ParameterHandleGrowStalesPointerOnStableStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        resize(store, store.allocate(16, 8));
    }

    @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
    static long resize(@Stable Store store, long handle) {
        MemorySegment head = store.resolve(handle, 16);
        long grown = store.grow(handle, 16, 64, 8);
        // :: error: [pointer.stale]
        head.set(JAVA_LONG, 0, 1);
        return grown;
    }
}
