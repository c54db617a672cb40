package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** An allocation through an alias of a store that is not @Stable stales pointers resolved through the original. */
public final class StoreAliasAllocates {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        Store alias = store;
        alias.allocate(16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
