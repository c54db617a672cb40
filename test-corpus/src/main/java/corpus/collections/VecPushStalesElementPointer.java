package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A push may reallocate the vector (here it is full), so a pointer from {@code get} is stale after it. */
public final class VecPushStalesElementPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit(); // full: the next push must reallocate
        MemorySegment first = vec.get(0);
        vec.pushLong(2);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
