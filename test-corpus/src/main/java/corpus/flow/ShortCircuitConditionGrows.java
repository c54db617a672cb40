package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** A grow inside a short-circuit condition happens on one path only; after the if the pointer is stale on that path. */
public final class ShortCircuitConditionGrows {
    @Invalidates("#1")
    public static void run(@Multiple Store store, boolean grow) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (grow && store.grow(handle, 16, 32, 8) != 0) {
            handle = 0;
        }
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
