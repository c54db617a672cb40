package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import java.lang.foreign.MemorySegment;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): a pointer resolved from a handle is stale once the handle is deallocated. */
public final class DeallocateStalesPointer {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        store.deallocate(handle, 16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
