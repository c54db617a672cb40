package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: InlineStore
/** InlineStore (no guarantees): the safe twin of leaking: keep the box and close it when done. */
public final class BoxKeptNotLeaked {
    @Invalidates("#1")
    public static void run(Store store) {
        try (StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {
            box.get().set(JAVA_LONG, 0, 1);
        }
    }
}
