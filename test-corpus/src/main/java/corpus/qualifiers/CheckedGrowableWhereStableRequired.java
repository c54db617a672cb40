package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Stable;
import dev.stowage.store.CheckedStore;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.Store;

// not-runnable: a qualifier mismatch is a type error with no run-time counterpart at the call
/** The twin of {@code CheckedArenaWhereStableRequired}: around a {@code GrowableStore} the wrapper is not {@code @Stable}. */
public final class CheckedGrowableWhereStableRequired {
    @Invalidates("#1")
    static void keepPointersAcrossAllocations(@Stable Store store) {
        store.allocate(16, 8);
    }

    static void demo() {
        try (CheckedStore checked = new CheckedStore(new GrowableStore())) {
            // :: error: [argument]
            keepPointersAcrossAllocations(checked);
        }
    }
}
