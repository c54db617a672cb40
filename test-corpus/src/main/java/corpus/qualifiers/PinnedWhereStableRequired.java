package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;

// not-runnable: a type-level scenario with no store behaviour to compare
/** @Pinned is a subtype of @Stable: a pinned store fits where a stable one is required. */
public final class PinnedWhereStableRequired {
    @Invalidates("#1")
    static void keepPointersAcrossAllocations(@Stable Store store) {
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(@Pinned @Multiple Store pinned) {
        keepPointersAcrossAllocations(pinned);
    }
}
