package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** {@code Store t = store;} is the same store: a grow through the alias stales pointers of the original. */
public final class StoreAliasGrows {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        Store alias = store;
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        handle = alias.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
