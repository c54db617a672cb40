package corpus.escape;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** Passing a valid pointer as an argument is a use, not an escape: copying from it is fine. */
public final class PointerPassedToJdkMethodIsFine {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long from = store.allocate(16, 8);
        long to = store.allocate(16, 8);
        MemorySegment source = store.resolve(from, 16);
        MemorySegment target = store.resolve(to, 16);
        MemorySegment.copy(source, 0, target, 0, 16);
    }
}
