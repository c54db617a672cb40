package corpus.table.slab;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: SlabStore
/** SlabStore (@Stable @Multiple): allocating never moves other allocations, so a pointer resolved before stays valid. */
public final class AllocateKeepsOtherPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long first = store.allocate(16, 8);
        MemorySegment p = store.resolve(first, 16);
        store.allocate(16, 8);
        p.set(JAVA_LONG, 0, 1);
    }
}
