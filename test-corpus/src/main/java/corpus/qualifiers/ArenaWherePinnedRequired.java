package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Pinned;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.Store;

// not-runnable: a qualifier mismatch is a type error with no run-time counterpart at the call
/** An ArenaStore is @Stable but not @Pinned (closing it frees the memory): it does not fit a @Pinned parameter. */
public final class ArenaWherePinnedRequired {
    @Invalidates("#1")
    static void leakForever(@Pinned Store store) {
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(ArenaStore arena) {
        // :: error: [argument]
        leakForever(arena);
    }
}
