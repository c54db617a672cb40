package corpus.table.small;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: SmallStore
/** SmallStore (@Multiple): an allocation may move the memory of earlier ones, so a pointer resolved before it is stale. */
public final class AllocateStalesOtherPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long first = store.allocate(16, 8);
        MemorySegment p = store.resolve(first, 16);
        store.allocate(16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
