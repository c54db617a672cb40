package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A grow in the loop body makes the pointer resolved before the loop stale on the next iteration. */
public final class LoopGrowStalesPointerFromBeforeLoop {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long size = 16;
        long handle = store.allocate(size, 8);
        MemorySegment p = store.resolve(handle, size);
        for (int i = 0; i < 3; i++) {
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, i);
            handle = store.grow(handle, size, size * 2, 8);
            size *= 2;
        }
    }
}
