package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A pointer that goes stale and is never used again is not a bug: only uses are reported. */
public final class StalePointerNeverUsedAgain {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 1);
        handle = store.grow(handle, 16, 32, 8);
        MemorySegment fresh = store.resolve(handle, 32);
        fresh.set(JAVA_LONG, 8, 2);
    }
}
