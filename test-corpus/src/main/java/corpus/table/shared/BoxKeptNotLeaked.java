package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import dev.stowage.store.StoreBox;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): the safe twin of leaking: keep the box and close it when done. */
public final class BoxKeptNotLeaked {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        try (StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {
            box.get().set(JAVA_LONG, 0, 1);
        }
    }
}
