package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** A grow on one branch makes the pointer stale after the join: it is stale on some path. */
public final class BranchGrowThenUse {
    @Invalidates("#1")
    public static void run(@Multiple Store store, boolean needMore) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (needMore) {
            handle = store.grow(handle, 16, 32, 8);
        }
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
