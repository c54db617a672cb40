package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.CompactingStore;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** GrowableStore (@Multiple): {@code compact()} relocates the buffer, so every pointer resolved before it is stale. */
public final class CompactStalesPointer {
    @Invalidates("#1")
    public static void run(@Multiple CompactingStore store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        store.compact();
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
