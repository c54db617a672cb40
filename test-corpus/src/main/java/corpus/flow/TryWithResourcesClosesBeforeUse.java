package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** try-with-resources closes the vector at the end of the block: a pointer taken inside is stale after it. */
public final class TryWithResourcesClosesBeforeUse {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        MemorySegment first;
        try (StoreVec vec = StoreVec.ofLongs(store)) {
            vec.pushLong(7);
            first = vec.get(0);
        }
        // :: error: [pointer.stale]
        return first.get(JAVA_LONG, 0);
    }
}
