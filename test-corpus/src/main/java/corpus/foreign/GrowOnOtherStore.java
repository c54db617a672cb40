package corpus.foreign;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.Store;

// run-with: GrowableStore
/** Growing a handle on a store that did not issue it is a foreign handle. */
public final class GrowOnOtherStore {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        try (GrowableStore other = new GrowableStore()) {
            long theirs = other.allocate(16, 8);
            // :: error: [handle.foreign]
            store.grow(theirs, 16, 32, 8);
        }
    }
}
