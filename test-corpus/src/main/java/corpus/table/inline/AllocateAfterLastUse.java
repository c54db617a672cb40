package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.store.Store;

// run-with: InlineStore
/** InlineStore (no guarantees): the first handle is used only before the second allocation, so nothing stale is used. */
public final class AllocateAfterLastUse {
    @Invalidates("#1")
    public static void run(Store store) {
        long first = store.allocate(16, 8);
        store.resolve(first, 16).set(JAVA_LONG, 0, 1);
        long second = store.allocate(16, 8);
        store.resolve(second, 16).set(JAVA_LONG, 0, 2);
    }
}
