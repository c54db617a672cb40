package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;
import java.util.function.LongSupplier;

// run-with: GrowableStore
/** Calling a lambda that captured a pointer uses the pointer: after a grow that use is stale. */
public final class LambdaCapturesStalePointer {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        LongSupplier read = () -> p.get(JAVA_LONG, 0);
        handle = store.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        return read.getAsLong();
    }
}
