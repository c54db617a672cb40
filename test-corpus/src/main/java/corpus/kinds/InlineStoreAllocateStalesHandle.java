package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.InlineStore;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** An InlineStore (no guarantees), as its class declares: a second allocation stales the first handle. */
public final class InlineStoreAllocateStalesHandle {
    static void demo() {
        try (InlineStore store = new InlineStore(64)) {
            long first = store.allocate(16, 8);
            store.allocate(16, 8);
            // :: error: [handle.stale]
            store.resolve(first, 16);
        }
    }
}
