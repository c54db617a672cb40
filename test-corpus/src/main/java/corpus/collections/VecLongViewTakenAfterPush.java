package corpus.collections;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: GrowableStore
/** The twin of {@code VecLongViewStaleAfterPush}: the view is taken after the push, so it sees the buffer as it is now. */
public final class VecLongViewTakenAfterPush {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        vec.pushLong(2);
        StoreVec.LongView values = vec.longs();
        values.set(1, 20);
        return values.get(0) + values.get(1);
    }
}
