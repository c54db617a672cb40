package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.SlabStore;
import java.lang.foreign.MemorySegment;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** A SlabStore (@Stable @Multiple): stable or not, freeing an allocation stales the pointers resolved from it. */
public final class SlabStoreDeallocateStalesPointer {
    static void demo() {
        try (SlabStore store = new SlabStore(64, 8)) {
            long first = store.allocate(16, 8);
            MemorySegment p = store.resolve(first, 16);
            store.deallocate(first, 16, 8);
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
