package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: GrowableStore
/** {@code getLong} and {@code setLong} work on values, not pointers: nothing can go stale. */
public final class VecValuesSurvivePush {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        long first = vec.getLong(0);
        for (int i = 0; i < 10; i++) {
            vec.pushLong(i);
        }
        vec.setLong(0, first + 1);
        return vec.getLong(0);
    }
}
