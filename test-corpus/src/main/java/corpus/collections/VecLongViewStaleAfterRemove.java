package corpus.collections;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** {@code remove} shifts the elements without reallocating, and still makes the {@code long} view stale. */
public final class VecLongViewStaleAfterRemove {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.pushLong(2);
        StoreVec.LongView values = vec.longs();
        vec.remove(0);
        // :: error: [pointer.stale]
        values.set(0, 10);
    }
}
