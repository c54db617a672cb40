package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code leak()} on a box of an ArenaStore: closing the arena would free the leaked memory. */
public final class BoxLeakUnpinnedArena {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        // :: error: [box.leak.unpinned]
        MemorySegment forever = box.leak();
        forever.set(JAVA_LONG, 0, 1);
    }
}
