package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: 1
/** An old-style case that grows falls through into the next case, which uses the old pointer. */
public final class SwitchFallThroughUsesStale {
    @SuppressWarnings("fallthrough")
    @Invalidates("#1")
    public static void run(@Multiple Store store, int mode) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        switch (mode) {
            case 1:
                handle = store.grow(handle, 16, 32, 8);
            case 2:
                // :: error: [pointer.stale]
                p.set(JAVA_LONG, 0, 2);
                break;
            default:
                break;
        }
    }
}
