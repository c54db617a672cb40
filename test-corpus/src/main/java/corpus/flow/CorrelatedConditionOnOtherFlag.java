package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true true
/** The twin of {@code CorrelatedConditionUseOnlyWhenNotGrown}: the use is guarded by another flag, which says nothing about whether the grow happened. */
public final class CorrelatedConditionOnOtherFlag {
    @Invalidates("#1")
    public static long run(@Multiple Store store, boolean grow, boolean write) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (grow) {
            handle = store.grow(handle, 16, 32, 8);
        }
        if (write) {
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 3);
        }
        return handle;
    }
}
