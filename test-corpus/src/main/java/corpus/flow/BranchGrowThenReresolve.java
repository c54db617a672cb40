package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** The safe twin of a grow on one branch: the branch that grows also resolves again. */
public final class BranchGrowThenReresolve {
    @Invalidates("#1")
    public static void run(@Multiple Store store, boolean needMore) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (needMore) {
            handle = store.grow(handle, 16, 32, 8);
            p = store.resolve(handle, 32);
        }
        p.set(JAVA_LONG, 0, 1);
    }
}
