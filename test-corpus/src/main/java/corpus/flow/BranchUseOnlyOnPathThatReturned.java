package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: false
/** The pointer is used only on the path that returns before the grow: no path uses it stale. */
public final class BranchUseOnlyOnPathThatReturned {
    @Invalidates("#1")
    public static void run(@Multiple Store store, boolean small) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (small) {
            p.set(JAVA_LONG, 0, 1);
            return;
        }
        handle = store.grow(handle, 16, 32, 8);
        store.resolve(handle, 32).set(JAVA_LONG, 0, 2);
    }
}
