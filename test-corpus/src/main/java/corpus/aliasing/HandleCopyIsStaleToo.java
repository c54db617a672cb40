package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// run-with: GrowableStore
/** A copy of a handle names the same allocation: after the grow it is as stale as the original. */
public final class HandleCopyIsStaleToo {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        long saved = handle;
        handle = store.grow(handle, 16, 32, 8);
        store.resolve(handle, 32).set(JAVA_LONG, 0, 1);
        // :: error: [handle.stale]
        store.resolve(saved, 16).set(JAVA_LONG, 0, 2);
    }
}
