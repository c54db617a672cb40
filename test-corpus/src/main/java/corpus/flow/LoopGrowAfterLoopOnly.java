package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The loop only reads and writes; the grow comes after the loop and the pointer is not used again. */
public final class LoopGrowAfterLoopOnly {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        for (int i = 0; i < 3; i++) {
            p.set(JAVA_LONG, 0, p.get(JAVA_LONG, 0) + i);
        }
        return store.grow(handle, 16, 32, 8);
    }
}
