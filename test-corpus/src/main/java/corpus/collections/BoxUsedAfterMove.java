package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: ArenaStore
/** After {@code moveTo} the old box is dead: only the box it returned may be used. */
public final class BoxUsedAfterMove {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        StoreBox moved = box.moveTo(store);
        moved.get().set(JAVA_LONG, 0, 1);
        // :: error: [use.after.move]
        box.get();
    }
}
