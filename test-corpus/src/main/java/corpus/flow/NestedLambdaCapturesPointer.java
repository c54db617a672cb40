package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;
import java.util.function.LongSupplier;

// run-with: GrowableStore
/** A lambda nested in a lambda still captures the pointer: calling the outer one after a grow uses it stale. */
public final class NestedLambdaCapturesPointer {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        LongSupplier outer = () -> {
            LongSupplier inner = () -> p.get(JAVA_LONG, 0);
            return inner.getAsLong();
        };
        store.allocate(64, 8);
        // :: error: [pointer.stale]
        return outer.getAsLong();
    }
}
