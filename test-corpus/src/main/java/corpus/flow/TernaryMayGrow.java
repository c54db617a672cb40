package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** A ternary that grows on one side leaves the pointer stale after it. */
public final class TernaryMayGrow {
    @Invalidates("#1")
    public static void run(@Multiple Store store, boolean bigger) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        handle = bigger ? store.grow(handle, 16, 32, 8) : handle;
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
