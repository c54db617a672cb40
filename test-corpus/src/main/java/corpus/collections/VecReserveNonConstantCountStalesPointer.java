package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
// run-args: 1
/** A {@code reserve} whose count is not a constant promises the checker no room: every push after it may reallocate (here {@code extra} is 1 and the fifth element reallocates). */
public final class VecReserveNonConstantCountStalesPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, int extra) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.reserve(extra);
        vec.pushLong(1);
        MemorySegment first = vec.get(0);
        vec.pushLong(2);
        vec.pushLong(3);
        vec.pushLong(4);
        vec.pushLong(5);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
