package corpus.escape;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.util.function.LongSupplier;

// run-with: GrowableStore
/** The twin of {@code PointerInArrayInitializerEscapes}: keeping the handle in the array, and resolving it when reading, is fine after the grow. */
public final class HandleInArrayInitializerIsFine {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        long[] slots = {handle};
        LongSupplier read = () -> store.resolve(slots[0], 32).get(JAVA_LONG, 0);
        slots[0] = store.grow(handle, 16, 32, 8);
        return read.getAsLong();
    }
}
