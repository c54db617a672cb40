package corpus.contracts;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// run-with: GrowableStore
/** The safe twin of an undeclared invalidation: the helper declares what it does. */
public final class DeclaredInvalidationIsFine {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        return doubled(store, store.allocate(16, 8));
    }

    @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
    static long doubled(@Multiple Store store, long handle) {
        return store.grow(handle, 16, 32, 8);
    }
}
