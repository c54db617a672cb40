package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A vector's push allocates in its store: on a GrowableStore that stales pointers of other allocations. */
public final class VecPushStalesOtherPointerOfGrowableStore {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long counter = store.allocate(8, 8);
        MemorySegment count = store.resolve(counter, 8);
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        // :: error: [pointer.stale]
        count.set(JAVA_LONG, 0, vec.size());
    }
}
