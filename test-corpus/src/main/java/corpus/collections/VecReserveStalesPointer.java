package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code reserve} may reallocate (here the vector is full): pointers from before are stale. */
public final class VecReserveStalesPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        MemorySegment first = vec.get(0);
        vec.reserve(16);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
