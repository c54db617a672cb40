package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.CompactingStore;

// run-with: GrowableStore
/** GrowableStore (@Multiple): relocation moves memory but keeps handles: resolving after compact() is valid. */
public final class CompactKeepsHandles {
    @Invalidates("#1")
    public static void run(@Multiple CompactingStore store) {
        long handle = store.allocate(16, 8);
        store.resolve(handle, 16).set(JAVA_LONG, 0, 1);
        store.compact();
        store.resolve(handle, 16).set(JAVA_LONG, 0, 2);
    }
}
