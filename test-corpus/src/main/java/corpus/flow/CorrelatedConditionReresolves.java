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
/** The same effectively final flag guards the clear and the re-resolve: on the path that cleared, the pointer is taken again; on the other, nothing invalidated it. */
public final class CorrelatedConditionReresolves {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, boolean rebuild) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        MemorySegment p = vec.get(0);
        if (rebuild) {
            vec.clear();
        }
        if (rebuild) {
            vec.pushLong(0);
            p = vec.get(0);
        }
        p.set(JAVA_LONG, 0, 7);
    }
}
