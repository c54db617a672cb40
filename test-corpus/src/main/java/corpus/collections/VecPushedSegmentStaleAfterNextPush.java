package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The segment {@code push()} returns is a pointer too: the next push may reallocate under it. */
public final class VecPushedSegmentStaleAfterNextPush {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.create(store, JAVA_LONG);
        vec.push();
        vec.push();
        vec.push();
        MemorySegment fourth = vec.push(); // fills the first buffer of four
        vec.push();
        // :: error: [pointer.stale]
        fourth.set(JAVA_LONG, 0, 4);
    }
}
