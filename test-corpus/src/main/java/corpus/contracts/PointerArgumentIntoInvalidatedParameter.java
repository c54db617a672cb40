package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A pointer into a vector, passed to a method that may reallocate that same vector (its first argument): the method may use the pointer after the push, so the call is reported where the pointer is passed. */
public final class PointerArgumentIntoInvalidatedParameter {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        // :: error: [pointer.stale]
        return twice(vec, vec.get(0));
    }

    @Invalidates("#1")
    static long twice(StoreVec vec, MemorySegment element) {
        vec.pushLong(element.get(JAVA_LONG, 0));
        return element.get(JAVA_LONG, 0) * 2;
    }
}
