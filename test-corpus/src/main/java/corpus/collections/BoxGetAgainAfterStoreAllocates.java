package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: GrowableStore
/** The safe twin: {@code get()} resolves again, so calling it after the allocation is valid. */
public final class BoxGetAgainAfterStoreAllocates {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        store.allocate(64, 8);
        box.get().set(JAVA_LONG, 0, 1);
        box.close();
    }
}
