package corpus.table.global;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GlobalStore
/** GlobalStore (@Pinned @Multiple): a pointer resolved before a grow of its handle is stale: the memory may have moved. */
public final class GrowStalesOldPointer {
    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        handle = store.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
