package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
// run-args: 8
/** {@code reserve(n)} with a count that is not a constant, then a loop {@code for (i = 0; i < n; i++)} with one push per iteration: at most {@code n} pushes, all within the reserved room, so the pointer taken before the loop stays valid. */
public final class VecLoopOfAtMostNPushesAfterReserveN {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, int n) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(0);
        vec.reserve(n);
        MemorySegment first = vec.get(0);
        for (int i = 0; i < n; i++) {
            vec.pushLong(i);
        }
        first.set(JAVA_LONG, 0, 7);
    }
}
