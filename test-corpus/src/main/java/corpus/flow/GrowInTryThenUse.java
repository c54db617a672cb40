package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreExhaustedException;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** After a try/catch, the path on which the grow succeeded reaches the old pointer: stale. */
public final class GrowInTryThenUse {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        try {
            handle = store.grow(handle, 16, 32, 8);
        } catch (StoreExhaustedException tooBig) {
            return;
        }
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
