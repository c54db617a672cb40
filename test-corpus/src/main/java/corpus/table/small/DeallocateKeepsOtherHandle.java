package corpus.table.small;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// run-with: SmallStore
/** SmallStore (@Multiple): freeing one allocation leaves the other handles valid; resolve them again after. */
public final class DeallocateKeepsOtherHandle {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long kept = store.allocate(16, 8);
        long freed = store.allocate(16, 8);
        store.deallocate(freed, 16, 8);
        store.resolve(kept, 16).set(JAVA_LONG, 0, 1);
    }
}
