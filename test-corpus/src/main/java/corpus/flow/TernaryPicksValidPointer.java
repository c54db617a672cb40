package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** A ternary choosing between two pointers of live allocations, with no invalidation in between. */
public final class TernaryPicksValidPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store, boolean first) {
        long a = store.allocate(16, 8);
        long b = store.allocate(16, 8);
        MemorySegment p = first ? store.resolve(a, 16) : store.resolve(b, 16);
        p.set(JAVA_LONG, 0, 1);
    }
}
