package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;
import java.util.function.LongUnaryOperator;

// run-with: GrowableStore
/** Flow inside a lambda body is checked like a method body: a grow there stales the pointer there. */
public final class LambdaBodyUsesStalePointer {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        LongUnaryOperator growAndRead = handle -> {
            MemorySegment p = store.resolve(handle, 16);
            store.grow(handle, 16, 32, 8);
            // :: error: [pointer.stale]
            return p.get(JAVA_LONG, 0);
        };
        return growAndRead.applyAsLong(store.allocate(16, 8));
    }
}
