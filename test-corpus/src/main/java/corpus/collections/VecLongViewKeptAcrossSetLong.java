package corpus.collections;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** The twin of {@code VecLongViewStaleAfterRemove}: {@code setLong} writes a value and invalidates nothing, so the view stays valid. */
public final class VecLongViewKeptAcrossSetLong {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.pushLong(2);
        StoreVec.LongView values = vec.longs();
        vec.setLong(0, 10);
        values.set(1, 20);
        return values.get(0) + values.get(1);
    }
}
