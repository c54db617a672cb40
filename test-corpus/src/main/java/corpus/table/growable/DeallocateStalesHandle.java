package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// run-with: GrowableStore
/** GrowableStore (@Multiple): a handle is stale once deallocated; resolving it again is a use after free. */
public final class DeallocateStalesHandle {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        store.deallocate(handle, 16, 8);
        // :: error: [handle.stale]
        store.resolve(handle, 16).set(JAVA_LONG, 0, 1);
    }
}
