package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A box's pointer dies when its store relocates: another allocation in a store that is not @Stable. */
public final class BoxPointerStaleAfterStoreAllocates {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        MemorySegment p = box.get();
        store.allocate(64, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
