package corpus.table.global;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;

// run-with: GlobalStore
/** GlobalStore (@Pinned @Multiple): allocating never invalidates a handle issued before, so it still resolves. */
public final class AllocateKeepsOtherHandle {
    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        long first = store.allocate(16, 8);
        long second = store.allocate(16, 8);
        store.resolve(first, 16).set(JAVA_LONG, 0, 1);
        store.resolve(second, 16).set(JAVA_LONG, 0, 2);
    }
}
