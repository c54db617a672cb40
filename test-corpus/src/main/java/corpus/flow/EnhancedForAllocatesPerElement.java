package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** An enhanced for loop that allocates per element stales the pointer resolved before it from the second element on. */
public final class EnhancedForAllocatesPerElement {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long total = store.allocate(8, 8);
        MemorySegment sum = store.resolve(total, 8);
        for (long size : new long[] {8, 16, 32}) {
            // :: error: [pointer.stale]
            sum.set(JAVA_LONG, 0, size);
            store.allocate(size, 8);
        }
    }
}
