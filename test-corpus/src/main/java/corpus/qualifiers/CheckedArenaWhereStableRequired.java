package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Stable;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.CheckedStore;
import dev.stowage.store.Store;

// not-runnable: a type-level scenario with no store behaviour to compare
/** A {@code CheckedStore} around an {@code ArenaStore} is {@code @Stable} ({@code @PolyStore}), so it fits a {@code @Stable} parameter. */
public final class CheckedArenaWhereStableRequired {
    @Invalidates("#1")
    static void keepPointersAcrossAllocations(@Stable Store store) {
        store.allocate(16, 8);
    }

    static void demo() {
        try (CheckedStore checked = new CheckedStore(new ArenaStore())) {
            keepPointersAcrossAllocations(checked);
        }
    }
}
