package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: ArenaStore
/** The handle of a closed box is stale: resolving it on the store is a use after free. */
public final class BoxHandleStaleAfterClose {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        long handle = box.handle();
        box.close();
        // :: error: [handle.stale]
        store.resolve(handle, 8);
    }
}
