package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: 2
/** A switch expression whose arm grows yields the new handle; the old pointer is stale after it. */
public final class SwitchExpressionYieldsGrownHandle {
    @Invalidates("#1")
    public static void run(@Multiple Store store, int mode) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        handle = switch (mode) {
            case 1 -> handle;
            default -> {
                long grown = store.grow(handle, 16, 32, 8);
                yield grown;
            }
        };
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, mode);
    }
}
