package corpus.foreign;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** A handle means nothing to a store that did not issue it: resolving it there reads foreign memory. */
public final class ResolveOnOtherStore {
    public static void run(@Stable @Multiple Store store) {
        try (ArenaStore other = new ArenaStore()) {
            long theirs = other.allocate(16, 8);
            // :: error: [handle.foreign]
            store.resolve(theirs, 16);
        }
    }
}
