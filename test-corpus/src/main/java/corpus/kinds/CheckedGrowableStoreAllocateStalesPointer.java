package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.CheckedStore;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: none
/** The twin of {@code CheckedSlabStoreKeepsPointerAcrossAllocation}: around a {@code GrowableStore} the wrapper is only {@code @Multiple}, so an allocation stales the pointer (and the wrapper throws at the use). */
public final class CheckedGrowableStoreAllocateStalesPointer {
    public static long run() {
        try (Store store = new CheckedStore(new GrowableStore())) {
            long first = store.allocate(8, 8);
            MemorySegment p = store.resolve(first, 8);
            store.allocate(8, 8);
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 7);
            return first;
        }
    }
}
