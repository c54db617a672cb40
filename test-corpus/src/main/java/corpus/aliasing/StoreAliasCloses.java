package corpus.aliasing;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// run-with: GrowableStore
/** Closing a store through an alias closes the original too. */
public final class StoreAliasCloses {
    @Invalidates(value = "#1", effect = Effect.CLOSE)
    public static void run(@Multiple Store store) {
        Store alias = store;
        alias.close();
        // :: error: [store.closed]
        store.allocate(16, 8);
    }
}
