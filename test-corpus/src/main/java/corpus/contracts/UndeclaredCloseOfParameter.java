package corpus.contracts;

import dev.stowage.store.Store;

// not-runnable: a missing declaration is a static error in the helper's body; nothing fails at run time there
/** Closing a store that was passed in is an invalidation the method must declare. */
public final class UndeclaredCloseOfParameter {
    static void finish(Store store) {
        // :: error: [invalidates.undeclared]
        store.close();
    }
}
