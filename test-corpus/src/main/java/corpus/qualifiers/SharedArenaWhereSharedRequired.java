package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.SharedStore;
import dev.stowage.store.SharedArenaStore;
import dev.stowage.store.Store;

// not-runnable: a type-level scenario with no store behaviour to compare
/** The safe twin: a SharedArenaStore is @SharedStore. */
public final class SharedArenaWhereSharedRequired {
    @Invalidates("#1")
    static void handOver(@SharedStore Store store) {
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(SharedArenaStore shared) {
        handOver(shared);
    }
}
