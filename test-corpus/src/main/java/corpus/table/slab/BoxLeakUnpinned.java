package corpus.table.slab;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: SlabStore
/** SlabStore (@Stable @Multiple): leaking a box is unsound on a store that is not @Pinned: closing the store frees the memory. */
public final class BoxLeakUnpinned {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        // :: error: [box.leak.unpinned]
        MemorySegment forever = StoreBox.allocate(store, JAVA_LONG).leak();
        forever.set(JAVA_LONG, 0, 1);
    }
}
