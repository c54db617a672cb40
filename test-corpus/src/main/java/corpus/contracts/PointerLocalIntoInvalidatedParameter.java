package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** As {@code PointerArgumentIntoInvalidatedParameter}, with the pointer held in a local first. */
public final class PointerLocalIntoInvalidatedParameter {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        MemorySegment first = vec.get(0);
        // :: error: [pointer.stale]
        return twice(vec, first);
    }

    @Invalidates("#1")
    static long twice(StoreVec vec, MemorySegment element) {
        vec.pushLong(element.get(JAVA_LONG, 0));
        return element.get(JAVA_LONG, 0) * 2;
    }
}
