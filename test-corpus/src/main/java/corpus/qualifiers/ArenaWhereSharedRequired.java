package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.SharedStore;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.Store;

// not-runnable: a qualifier mismatch is a type error with no run-time counterpart at the call
/** An ArenaStore is not a member of a sharing set: it does not fit a @SharedStore parameter. */
public final class ArenaWhereSharedRequired {
    @Invalidates("#1")
    static void handOver(@SharedStore Store store) {
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(ArenaStore arena) {
        // :: error: [argument]
        handOver(arena);
    }
}
