package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code vec.elements().asSlice(8)} is a view of the vector's buffer: a push that reallocates (the vector is full) makes it stale. */
public final class VecElementsSliceStaleAfterPush {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.pushLong(2);
        vec.shrinkToFit();
        MemorySegment second = vec.elements().asSlice(8);
        vec.pushLong(3);
        // :: error: [pointer.stale]
        second.set(JAVA_LONG, 0, 20);
    }
}
