package corpus.foreign;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharedArenaStore;
import dev.stowage.store.SharingStore;

// run-with: SharedArenaStore
/** Sharing is per set: a handle from another, unrelated shared store is still foreign. */
public final class HandleOfOtherSharingSet {
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        try (SharedArenaStore unrelated = new SharedArenaStore()) {
            long theirs = unrelated.allocate(16, 8);
            // :: error: [handle.foreign]
            store.resolve(theirs, 16);
        }
    }
}
