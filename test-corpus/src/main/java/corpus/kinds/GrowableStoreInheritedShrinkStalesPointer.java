package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;
import java.lang.foreign.MemorySegment;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the contracts a store inherits
/** A GrowableStore called through its own class: shrink, declared without annotations by the stores' skeleton, has Store's contract (the pointer resolved before is stale). */
public final class GrowableStoreInheritedShrinkStalesPointer {
    static void demo() {
        try (GrowableStore store = new GrowableStore()) {
            long handle = store.allocate(32, 8);
            MemorySegment p = store.resolve(handle, 32);
            long shrunk = store.shrink(handle, 32, 16, 8);
            store.resolve(shrunk, 16).set(JAVA_LONG, 0, 1);
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 2);
        }
    }
}
