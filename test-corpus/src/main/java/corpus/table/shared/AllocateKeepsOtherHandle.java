package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): allocating never invalidates a handle issued before, so it still resolves. */
public final class AllocateKeepsOtherHandle {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        long first = store.allocate(16, 8);
        long second = store.allocate(16, 8);
        store.resolve(first, 16).set(JAVA_LONG, 0, 1);
        store.resolve(second, 16).set(JAVA_LONG, 0, 2);
    }
}
