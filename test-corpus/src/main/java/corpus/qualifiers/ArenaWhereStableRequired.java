package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Stable;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.Store;

// not-runnable: a type-level scenario with no store behaviour to compare
/** The safe twin: an ArenaStore is @Stable, so it fits a @Stable parameter. */
public final class ArenaWhereStableRequired {
    @Invalidates("#1")
    static void keepPointersAcrossAllocations(@Stable Store store) {
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(ArenaStore arena) {
        keepPointersAcrossAllocations(arena);
    }
}
