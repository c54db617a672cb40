package corpus.qualifiers;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Pinned;
import dev.stowage.store.GlobalStore;
import dev.stowage.store.Store;

// not-runnable: a type-level scenario with no store behaviour to compare
/** The safe twin: GlobalStore is @Pinned. */
public final class GlobalWherePinnedRequired {
    @Invalidates("#1")
    static void leakForever(@Pinned Store store) {
        store.allocate(16, 8);
    }

    @Invalidates("#1")
    static void demo(GlobalStore global) {
        leakForever(global);
    }
}
