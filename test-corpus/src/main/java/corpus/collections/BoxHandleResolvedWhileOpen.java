package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: ArenaStore
/** The safe twin: a box's handle resolved on its store while the box is open. */
public final class BoxHandleResolvedWhileOpen {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        try (StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {
            store.resolve(box.handle(), 8).set(JAVA_LONG, 0, 1);
        }
    }
}
