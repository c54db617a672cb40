package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** An allocation in an inner loop stales the pointer the outer loop resolved once before both loops. */
public final class NestedLoopsAllocateInInnerLoop {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long totals = store.allocate(16, 8);
        MemorySegment sum = store.resolve(totals, 16);
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                store.allocate(8, 8);
            }
            // :: error: [pointer.stale]
            sum.set(JAVA_LONG, 0, row);
        }
    }
}
