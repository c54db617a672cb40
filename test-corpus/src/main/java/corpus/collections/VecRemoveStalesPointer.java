package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code remove} shifts the later elements down: a pointer to one of them now names another element. */
public final class VecRemoveStalesPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.pushLong(2);
        MemorySegment second = vec.get(1);
        vec.remove(0);
        // :: error: [pointer.stale]
        second.set(JAVA_LONG, 0, 20);
    }
}
