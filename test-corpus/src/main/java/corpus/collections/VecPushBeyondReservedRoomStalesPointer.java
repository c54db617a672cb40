package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code reserve(1)} promises room for one push only: a pointer from before the second push is stale (here the fifth element reallocates). */
public final class VecPushBeyondReservedRoomStalesPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.reserve(1); // the run time makes room for 4, the minimum; only 1 is promised
        vec.pushLong(1);
        MemorySegment first = vec.get(0);
        vec.pushLong(2);
        vec.pushLong(3);
        vec.pushLong(4);
        vec.pushLong(5); // beyond the capacity: reallocates
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
