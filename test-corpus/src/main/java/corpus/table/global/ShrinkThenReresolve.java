package corpus.table.global;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;

// run-with: GlobalStore
/** GlobalStore (@Pinned @Multiple): after a shrink, resolving the returned handle gives a valid pointer. */
public final class ShrinkThenReresolve {
    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        long handle = store.allocate(32, 8);
        handle = store.shrink(handle, 32, 16, 8);
        store.resolve(handle, 16).set(JAVA_LONG, 0, 1);
    }
}
