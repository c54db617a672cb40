package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** A GrowableStore (@Multiple): handles survive an allocation, so resolving again after it is safe. */
public final class GrowableStoreReresolvesAfterAllocation {
    static void demo() {
        try (GrowableStore store = new GrowableStore()) {
            long first = store.allocate(16, 8);
            store.allocate(16, 8);
            store.resolve(first, 16).set(JAVA_LONG, 0, 1);
        }
    }
}
