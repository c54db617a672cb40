package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.Store;

// run-with: InlineStore
/** InlineStore (no guarantees): a closed store is dead; allocating from it is an error. */
public final class UseAfterClose {
    public static void run(Store store) {
        store.allocate(16, 8);
        store.close();
        // :: error: [store.closed]
        store.allocate(16, 8);
    }
}
