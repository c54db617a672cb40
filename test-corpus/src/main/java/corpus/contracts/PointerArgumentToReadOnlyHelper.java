package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The twin of {@code PointerArgumentIntoInvalidatedParameter}: a helper that declares no invalidation of the vector may be given a pointer into it. */
public final class PointerArgumentToReadOnlyHelper {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(3);
        return doubled(vec, vec.get(0));
    }

    static long doubled(StoreVec vec, MemorySegment element) {
        return element.get(JAVA_LONG, 0) * 2 + vec.size();
    }
}
