package corpus.table.slab;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: SlabStore
/** SlabStore (@Stable @Multiple): the safe twin of leaking: keep the box and close it when done. */
public final class BoxKeptNotLeaked {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        try (StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {
            box.get().set(JAVA_LONG, 0, 1);
        }
    }
}
