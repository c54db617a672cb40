package corpus.contracts;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// not-runnable: a missing declaration is a static error in the helper's body; nothing fails at run time there
/** A method that grows a handle of its parameter's store without declaring {@code @Invalidates}. */
public final class UndeclaredInvalidation {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        return doubled(store, store.allocate(16, 8));
    }

    static long doubled(@Multiple Store store, long handle) {
        // :: error: [invalidates.undeclared]
        return store.grow(handle, 16, 32, 8);
    }
}
