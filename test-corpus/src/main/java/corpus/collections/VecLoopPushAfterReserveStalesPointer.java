package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** Pushes in a loop after {@code reserve(8)}: the checker does not count iterations (room is unknown after the loop's join), and here the ninth element reallocates, so the pointer from before the loop is stale. */
public final class VecLoopPushAfterReserveStalesPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.reserve(8);
        vec.pushLong(0);
        MemorySegment first = vec.get(0);
        for (int i = 1; i < 16; i++) {
            // :: error: [pointer.stale]
            first.set(JAVA_LONG, 0, i);
            vec.pushLong(i);
        }
    }
}
