package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;
import java.lang.foreign.MemorySegment;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** A GrowableStore (@Multiple, not @Stable), as its class declares: an allocation stales a pointer resolved before it. */
public final class GrowableStoreAllocateStalesPointer {
    static void demo() {
        try (GrowableStore store = new GrowableStore()) {
            long first = store.allocate(16, 8);
            MemorySegment p = store.resolve(first, 16);
            store.allocate(16, 8);
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
