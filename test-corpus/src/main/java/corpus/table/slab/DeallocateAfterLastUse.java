package corpus.table.slab;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: SlabStore
/** SlabStore (@Stable @Multiple): the pointer is used only before the deallocation, which is fine. */
public final class DeallocateAfterLastUse {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 1);
        store.deallocate(handle, 16, 8);
    }
}
