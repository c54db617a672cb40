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
/** The twin of {@code VecLoopOfAtMostNPushesAfterReserveN}: a second loop of {@code n} pushes after the first goes beyond the room one {@code reserve(n)} made. */
public final class VecTwoLoopsAfterOneReserve {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, int n) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(0);
        vec.reserve(n);
        MemorySegment first = vec.get(0);
        for (int i = 0; i < n; i++) {
            vec.pushLong(i);
        }
        for (int i = 0; i < n; i++) {
            vec.pushLong(-i);
        }
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 7);
    }
}
