package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** After {@code moveTo} the old vector is dead: only the returned one may be used. */
public final class VecUsedAfterMove {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        StoreVec moved = vec.moveTo(store);
        moved.pushLong(2);
        // :: error: [use.after.move]
        return vec.size();
    }
}
