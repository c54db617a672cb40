package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** GrowableStore (@Multiple): the handle survives an allocation; resolving it again after gives a valid pointer. */
public final class AllocateThenReresolve {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long first = store.allocate(16, 8);
        MemorySegment p = store.resolve(first, 16);
        p.set(JAVA_LONG, 0, 1);
        store.allocate(16, 8);
        p = store.resolve(first, 16);
        p.set(JAVA_LONG, 0, 2);
    }
}
