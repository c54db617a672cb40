package corpus.foreign;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.ArenaStore;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** The safe twin of a foreign handle: each handle is resolved on the store that issued it. */
public final class ResolveOnIssuingStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        try (ArenaStore other = new ArenaStore()) {
            long theirs = other.allocate(16, 8);
            long ours = store.allocate(16, 8);
            other.resolve(theirs, 16).set(JAVA_LONG, 0, 1);
            store.resolve(ours, 16).set(JAVA_LONG, 0, 2);
        }
    }
}
