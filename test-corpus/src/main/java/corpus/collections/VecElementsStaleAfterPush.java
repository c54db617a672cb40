package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The whole-array pointer from {@code elements()} is stale after a push that reallocates. */
public final class VecElementsStaleAfterPush {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        MemorySegment all = vec.elements();
        vec.pushLong(2);
        // :: error: [pointer.stale]
        return all.get(JAVA_LONG, 0);
    }
}
