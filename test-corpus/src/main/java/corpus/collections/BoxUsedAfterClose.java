package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: ArenaStore
/** A closed box is dead: calling {@code get()} on it is an error. */
public final class BoxUsedAfterClose {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        box.close();
        // :: error: [store.closed]
        box.get();
    }
}
