package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The safe twin of a grow in a loop: resolve at the top of each iteration. */
public final class LoopReresolvesEachIteration {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long size = 16;
        long handle = store.allocate(size, 8);
        for (int i = 0; i < 3; i++) {
            MemorySegment p = store.resolve(handle, size);
            p.set(JAVA_LONG, 0, i);
            handle = store.grow(handle, size, size * 2, 8);
            size *= 2;
        }
    }
}
