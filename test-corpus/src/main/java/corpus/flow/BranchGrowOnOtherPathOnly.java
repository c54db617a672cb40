package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** The grow and the use are on different arms of one if: no path has both. */
public final class BranchGrowOnOtherPathOnly {
    @Invalidates("#1")
    public static void run(@Multiple Store store, boolean grow) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (grow) {
            handle = store.grow(handle, 16, 32, 8);
        } else {
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
