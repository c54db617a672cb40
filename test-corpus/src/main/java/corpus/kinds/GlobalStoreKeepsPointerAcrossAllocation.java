package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GlobalStore;
import java.lang.foreign.MemorySegment;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** A GlobalStore (@Pinned @Multiple), as its class declares: an allocation leaves a pointer resolved before it valid. */
public final class GlobalStoreKeepsPointerAcrossAllocation {
    static void demo() {
        try (GlobalStore store = new GlobalStore()) {
            long first = store.allocate(16, 8);
            MemorySegment p = store.resolve(first, 16);
            store.allocate(16, 8);
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
