package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.SmallStore;
import java.lang.foreign.MemorySegment;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** A SmallStore (@Multiple, not @Stable), as its class declares: an allocation stales a pointer resolved before it. */
public final class SmallStoreAllocateStalesPointer {
    static void demo() {
        try (SmallStore store = new SmallStore(16, new ArenaStore())) {
            long first = store.allocate(16, 8);
            MemorySegment p = store.resolve(first, 16);
            store.allocate(16, 8);
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
