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
/** The twin of {@code VecLoopOfAtMostNPushesAfterReserveN}: the loop uses all {@code n} reserved elements, so one more push after it may reallocate (here it does). */
public final class VecPushAfterLoopBeyondReservedCount {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, int n) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(0);
        vec.reserve(n);
        MemorySegment first = vec.get(0);
        for (int i = 0; i < n; i++) {
            vec.pushLong(i);
        }
        vec.pushLong(-1);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 7);
    }
}
