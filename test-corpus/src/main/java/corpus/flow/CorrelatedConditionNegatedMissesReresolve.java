package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
// run-args: true
/** The twin of {@code CorrelatedConditionReresolves}: the re-resolve is on the path that did not clear, so on the path that did the pointer is stale. */
public final class CorrelatedConditionNegatedMissesReresolve {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, boolean rebuild) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        MemorySegment p = vec.get(0);
        if (rebuild) {
            vec.clear();
            vec.pushLong(0);
        }
        if (!rebuild) {
            p = vec.get(0);
        }
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 7);
    }
}
