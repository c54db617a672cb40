package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.util.function.LongUnaryOperator;

// run-with: GrowableStore
/** A lambda that captures the store and resolves the handle it is given is valid whenever it is called. */
public final class LambdaResolvesForItself {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        LongUnaryOperator read = h -> store.resolve(h, 16).get(JAVA_LONG, 0);
        long handle = store.allocate(16, 8);
        handle = store.grow(handle, 16, 32, 8);
        return read.applyAsLong(handle);
    }
}
