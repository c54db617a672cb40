package corpus.escape;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;
import java.util.function.LongSupplier;

// not-runnable: an escape is reported where the pointer is stored; the stale read happens later, in the closure
/** As {@code PointerInArrayInitializerEscapes}, with {@code new MemorySegment[] {p}}. */
public final class PointerInNewArrayEscapes {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        // :: error: [pointer.escape]
        MemorySegment[] slots = new MemorySegment[] {p};
        LongSupplier read = () -> slots[0].get(JAVA_LONG, 0);
        handle = store.grow(handle, 16, 32, 8);
        return read.getAsLong() + handle;
    }
}
