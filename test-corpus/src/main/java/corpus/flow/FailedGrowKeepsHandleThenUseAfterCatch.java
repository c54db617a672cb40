package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreExhaustedException;

// run-with: GrowableStore
/** The handle variable is assigned only when grow returns, so after try/catch it is valid on both paths. */
public final class FailedGrowKeepsHandleThenUseAfterCatch {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        long size = 16;
        try {
            handle = store.grow(handle, 16, 32, 8);
            size = 32;
        } catch (StoreExhaustedException tooBig) {
            // keep the old allocation: it is untouched
        }
        store.resolve(handle, size).set(JAVA_LONG, 0, 1);
    }
}
