package corpus.table.arena;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** ArenaStore (@Stable @Multiple): grow returns the handle to use from now on; the handle passed is stale even if equal. */
public final class GrowStalesOldHandle {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long handle = store.allocate(16, 8);
        long grown = store.grow(handle, 16, 32, 8);
        store.resolve(grown, 32).set(JAVA_LONG, 0, 1);
        // :: error: [handle.stale]
        store.resolve(handle, 16).set(JAVA_LONG, 0, 2);
    }
}
