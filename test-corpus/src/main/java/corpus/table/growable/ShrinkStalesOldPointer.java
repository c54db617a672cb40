package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** GrowableStore (@Multiple): shrink invalidates like grow: a pointer resolved before it is stale. */
public final class ShrinkStalesOldPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(32, 8);
        MemorySegment p = store.resolve(handle, 32);
        handle = store.shrink(handle, 32, 16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
