package corpus.qualifiers;

import dev.stowage.qual.Stable;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.Store;

// not-runnable: a qualifier mismatch is a type error; the code may even work until the buffer moves
/** A GrowableStore is not @Stable: passing it where a @Stable store is required is a type error. */
public final class GrowableWhereStableRequired {
    static void keepPointersAcrossAllocations(@Stable Store store) {
        store.allocate(16, 8);
    }

    static void demo(GrowableStore growable) {
        // :: error: [argument]
        keepPointersAcrossAllocations(growable);
    }
}
