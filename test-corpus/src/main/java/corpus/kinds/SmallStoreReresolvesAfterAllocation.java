package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.SmallStore;

// not-runnable: it makes its own, unchecked store, to show that the checker reads the guarantees from the store's class
/** A SmallStore (@Multiple): handles survive an allocation, so resolving again after it is safe. */
public final class SmallStoreReresolvesAfterAllocation {
    static void demo() {
        try (SmallStore store = new SmallStore(16, new ArenaStore())) {
            long first = store.allocate(16, 8);
            store.allocate(16, 8);
            store.resolve(first, 16).set(JAVA_LONG, 0, 1);
        }
    }
}
