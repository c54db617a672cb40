package corpus.collections;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: GrowableStore
/** The {@code long} view from {@code longs()} is a pointer: stale after a push that reallocates. */
public final class VecLongViewStaleAfterPush {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        StoreVec.LongView values = vec.longs();
        vec.pushLong(2);
        // :: error: [pointer.stale]
        return values.get(0);
    }
}
