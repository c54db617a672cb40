package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Stable;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.Store;

// not-runnable: a qualifier mismatch is a type error; the code may even work until the buffer moves
/** A GrowableStore is not @Stable: passing it where a @Stable store is required is a type error. */
public final class GrowableWhereStableRequired {
    @Invalidates("#1")
    static void keepPointersAcrossAllocations(@Stable Store store) {
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(GrowableStore growable) {
        // :: error: [argument]
        keepPointersAcrossAllocations(growable);
    }
}
