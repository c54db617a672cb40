package corpus.foreign;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** Freeing a handle on a store that did not issue it is a foreign handle. */
public final class DeallocateOnOtherStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        try (ArenaStore other = new ArenaStore()) {
            long theirs = other.allocate(16, 8);
            // :: error: [handle.foreign]
            store.deallocate(theirs, 16, 8);
        }
    }
}
