package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): shrink returns the handle to use from now on; the one passed is stale. */
public final class ShrinkStalesOldHandle {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        long handle = store.allocate(32, 8);
        long shrunk = store.shrink(handle, 32, 16, 8);
        store.resolve(shrunk, 16).set(JAVA_LONG, 0, 1);
        // :: error: [handle.stale]
        store.resolve(handle, 16).set(JAVA_LONG, 0, 2);
    }
}
