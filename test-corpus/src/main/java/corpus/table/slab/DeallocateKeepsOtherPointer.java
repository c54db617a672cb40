package corpus.table.slab;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: SlabStore
/** SlabStore (@Stable @Multiple): freeing one allocation never moves another, so its pointer and handle stay valid. */
public final class DeallocateKeepsOtherPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long kept = store.allocate(16, 8);
        long freed = store.allocate(16, 8);
        MemorySegment p = store.resolve(kept, 16);
        store.deallocate(freed, 16, 8);
        p.set(JAVA_LONG, 0, 1);
        store.resolve(kept, 16).set(JAVA_LONG, 8, 2);
    }
}
