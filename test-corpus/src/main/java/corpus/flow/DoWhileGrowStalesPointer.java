package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** In a do-while the body runs before the test, so the second round uses the pointer after the grow. */
public final class DoWhileGrowStalesPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long size = 16;
        long handle = store.allocate(size, 8);
        MemorySegment p = store.resolve(handle, size);
        do {
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, size);
            handle = store.grow(handle, size, size * 2, 8);
            size *= 2;
        } while (size < 128);
    }
}
