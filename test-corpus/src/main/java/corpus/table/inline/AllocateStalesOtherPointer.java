package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: InlineStore
/** InlineStore (no guarantees): an allocation may move the memory of earlier ones, so a pointer resolved before it is stale. */
public final class AllocateStalesOtherPointer {
    @Invalidates("#1")
    public static void run(Store store) {
        long first = store.allocate(16, 8);
        MemorySegment p = store.resolve(first, 16);
        store.allocate(16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
