package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The safe twin on an ArenaStore: the vector's allocation leaves other pointers of the @Stable store valid. */
public final class VecPushKeepsOtherPointerOfStableStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long counter = store.allocate(8, 8);
        MemorySegment count = store.resolve(counter, 8);
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        count.set(JAVA_LONG, 0, vec.size());
    }
}
