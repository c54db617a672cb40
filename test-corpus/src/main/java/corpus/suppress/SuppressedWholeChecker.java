package corpus.suppress;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// not-runnable: the suppressed use really is stale; running it would fail by design
/** {@code @SuppressWarnings("stowage")} silences every key of the checker. */
public final class SuppressedWholeChecker {
    @SuppressWarnings("stowage")
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        store.deallocate(handle, 16, 8);
        store.resolve(handle, 16);
    }
}
