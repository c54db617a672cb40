package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** A closed vector is dead: asking its size is an error. */
public final class VecUsedAfterClose {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.close();
        // :: error: [store.closed]
        return vec.size();
    }
}
