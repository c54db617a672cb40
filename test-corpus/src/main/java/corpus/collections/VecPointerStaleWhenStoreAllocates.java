package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A vector's pointers also die when its store relocates: another allocation in a GrowableStore. */
public final class VecPointerStaleWhenStoreAllocates {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        MemorySegment first = vec.get(0);
        store.allocate(64, 8);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
