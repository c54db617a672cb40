package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The loop leaves by break right after the grow, so the stale pointer never reaches the next use. */
public final class LoopBreakBeforeGrowIsFine {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        for (int i = 0; i < 3; i++) {
            p.set(JAVA_LONG, 0, i);
            if (i == 1) {
                handle = store.grow(handle, 16, 32, 8);
                break;
            }
        }
        store.resolve(handle, 32).set(JAVA_LONG, 8, 2);
    }
}
