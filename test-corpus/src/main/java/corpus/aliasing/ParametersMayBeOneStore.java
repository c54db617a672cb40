package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** Two store parameters cannot be told apart, so an allocation on one is assumed to stale pointers of the other; here they really are one store. */
public final class ParametersMayBeOneStore {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        copyInto(store, store);
    }

    @Invalidates("#1")
    @Invalidates("#2")
    static void copyInto(@Multiple Store from, @Multiple Store to) {
        long source = from.allocate(16, 8);
        MemorySegment p = from.resolve(source, 16);
        to.allocate(16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
