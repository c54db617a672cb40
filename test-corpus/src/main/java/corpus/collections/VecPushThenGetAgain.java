package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** The safe twin of a stale element pointer: call {@code get} again after the push. */
public final class VecPushThenGetAgain {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        vec.get(0).set(JAVA_LONG, 0, 10);
        vec.pushLong(2);
        vec.get(0).set(JAVA_LONG, 0, 11);
    }
}
