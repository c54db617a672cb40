package corpus.escape;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** Passing a pointer as an argument is a use: after an allocation on a non-@Stable store it is stale. */
public final class StalePointerPassedAsArgument {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long from = store.allocate(16, 8);
        MemorySegment source = store.resolve(from, 16);
        long to = store.allocate(16, 8);
        MemorySegment target = store.resolve(to, 16);
        // :: error: [pointer.stale]
        MemorySegment.copy(source, 0, target, 0, 16);
    }
}
