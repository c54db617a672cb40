package corpus.table.global;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;

// run-with: GlobalStore
/** GlobalStore (@Pinned @Multiple): growing one allocation leaves the other handles valid: resolving them after is fine. */
public final class GrowKeepsOtherHandle {
    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        long kept = store.allocate(16, 8);
        long grown = store.allocate(16, 8);
        grown = store.grow(grown, 16, 32, 8);
        store.resolve(kept, 16).set(JAVA_LONG, 0, 1);
        store.resolve(grown, 32).set(JAVA_LONG, 0, 2);
    }
}
