package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** The path that grows returns at once, so the later use of the pointer only sees the old memory. */
public final class EarlyReturnAfterGrowIsFine {
    @Invalidates("#1")
    public static long run(@Multiple Store store, boolean grow) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (grow) {
            return store.grow(handle, 16, 32, 8);
        }
        p.set(JAVA_LONG, 0, 1);
        return handle;
    }
}
