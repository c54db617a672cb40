package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.InlineStore;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** An InlineStore (no guarantees): the first allocation is used only before the second one is made. */
public final class InlineStoreUsesOneAllocationAtATime {
    static void demo() {
        try (InlineStore store = new InlineStore(64)) {
            long first = store.allocate(16, 8);
            store.resolve(first, 16).set(JAVA_LONG, 0, 1);
            long second = store.allocate(16, 8);
            store.resolve(second, 16).set(JAVA_LONG, 0, 2);
        }
    }
}
