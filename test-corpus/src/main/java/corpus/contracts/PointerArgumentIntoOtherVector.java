package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** The twin of {@code PointerArgumentIntoInvalidatedParameter}: the pointer is into another vector (of a {@code @Stable} store), which the method's push does not reallocate. */
public final class PointerArgumentIntoOtherVector {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        StoreVec other = StoreVec.ofLongs(store);
        other.pushLong(1);
        vec.pushLong(1);
        vec.shrinkToFit();
        return twice(vec, other.get(0));
    }

    @Invalidates("#1")
    static long twice(StoreVec vec, java.lang.foreign.MemorySegment element) {
        vec.pushLong(element.get(JAVA_LONG, 0));
        return element.get(JAVA_LONG, 0) * 2;
    }
}
