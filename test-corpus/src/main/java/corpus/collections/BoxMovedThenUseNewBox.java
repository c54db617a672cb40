package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: ArenaStore
/** The safe twin of a use after move: use the box that {@code moveTo} returned. */
public final class BoxMovedThenUseNewBox {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        box.get().set(JAVA_LONG, 0, 1);
        try (StoreBox moved = box.moveTo(store)) {
            moved.get().set(JAVA_LONG, 0, moved.get().get(JAVA_LONG, 0) + 1);
        }
    }
}
