package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** The safe twin of a stale pointer after clear: push again and take a new pointer. */
public final class VecClearThenPushAndGet {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.clear();
        vec.pushLong(2);
        vec.get(0).set(JAVA_LONG, 0, 20);
    }
}
