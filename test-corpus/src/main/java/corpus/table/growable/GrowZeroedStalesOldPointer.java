package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** GrowableStore (@Multiple): growZeroed invalidates like grow: the old pointer is stale. */
public final class GrowZeroedStalesOldPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocateZeroed(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        handle = store.growZeroed(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        p.get(JAVA_LONG, 0);
    }
}
