package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** GrowableStore (@Multiple): growing one allocation may move the whole buffer, so a pointer to another allocation is stale. */
public final class GrowStalesOtherPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long kept = store.allocate(16, 8);
        long grown = store.allocate(16, 8);
        MemorySegment p = store.resolve(kept, 16);
        grown = store.grow(grown, 16, 32, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
