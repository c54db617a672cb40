package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;

// run-with: ArenaStore
/** The safe twin of a use after close: the box is used only inside its try-with-resources. */
public final class BoxInTryWithResources {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        try (StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {
            box.get().set(JAVA_LONG, 0, 41);
            return box.get().get(JAVA_LONG, 0) + 1;
        }
    }
}
