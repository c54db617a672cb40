package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A labeled break out of an inner loop lands after the outer loop, past a grow: the old pointer is stale there. */
public final class LabeledBreakPastGrow {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        outer:
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                if (row == 1) {
                    handle = store.grow(handle, 16, 32, 8);
                    break outer;
                }
            }
        }
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
