package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import java.lang.foreign.MemorySegment;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): freeing one allocation never moves another, so its pointer and handle stay valid. */
public final class DeallocateKeepsOtherPointer {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        long kept = store.allocate(16, 8);
        long freed = store.allocate(16, 8);
        MemorySegment p = store.resolve(kept, 16);
        store.deallocate(freed, 16, 8);
        p.set(JAVA_LONG, 0, 1);
        store.resolve(kept, 16).set(JAVA_LONG, 8, 2);
    }
}
