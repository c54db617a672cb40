package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import java.lang.foreign.MemorySegment;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the contracts a store inherits
/** An ArenaStore called through its own class: growZeroed, declared without annotations by the stores' skeleton, has Store's contract (the old handle is stale, the @Stable pointer survives). */
public final class ArenaStoreInheritedGrowStalesHandle {
    static void demo() {
        try (ArenaStore store = new ArenaStore()) {
            long other = store.allocateZeroed(8, 8);
            MemorySegment kept = store.resolve(other, 8);
            long handle = store.allocate(16, 8);
            long grown = store.growZeroed(handle, 16, 32, 8);
            kept.set(JAVA_LONG, 0, 1);
            store.resolve(grown, 32).set(JAVA_LONG, 0, 2);
            // :: error: [handle.stale]
            store.resolve(handle, 16).set(JAVA_LONG, 0, 3);
        }
    }
}
