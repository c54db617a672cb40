package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A store created in the method is known to be distinct: allocating from it leaves the parameter's pointers alone. */
public final class FreshStoreIsDistinct {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        try (GrowableStore scratch = new GrowableStore()) {
            scratch.allocate(64, 8);
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
