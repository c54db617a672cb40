package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The finally block runs after the grow in the try block, so the pointer it uses is stale. */
public final class TryFinallyGrowThenUse {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        try {
            handle = store.grow(handle, 16, 32, 8);
        } finally {
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
