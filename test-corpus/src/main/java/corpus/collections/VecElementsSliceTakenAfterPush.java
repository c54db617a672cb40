package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The twin of {@code VecElementsSliceStaleAfterPush}: the view is cut after the push, from the buffer as it is now. */
public final class VecElementsSliceTakenAfterPush {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.pushLong(2);
        vec.shrinkToFit();
        vec.pushLong(3);
        MemorySegment second = vec.elements().asSlice(8);
        second.set(JAVA_LONG, 0, 20);
    }
}
