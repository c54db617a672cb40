package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.store.Store;

// run-with: InlineStore
/** InlineStore (no guarantees): a second allocation may reuse the memory of the first, so the first handle is stale. */
public final class AllocateStalesOtherHandle {
    @Invalidates("#1")
    public static void run(Store store) {
        long first = store.allocate(16, 8);
        long second = store.allocate(16, 8);
        store.resolve(second, 16).set(JAVA_LONG, 0, 2);
        // :: error: [handle.stale]
        store.resolve(first, 16).set(JAVA_LONG, 0, 1);
    }
}
