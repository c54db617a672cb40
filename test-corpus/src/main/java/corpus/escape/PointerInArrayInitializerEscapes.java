package corpus.escape;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;
import java.util.function.LongSupplier;

// not-runnable: an escape is reported where the pointer is stored; the stale read happens later, in the closure
/** A pointer put into a local array by its initializer escapes the analysis like {@code slots[0] = p} does: a closure reading the array after a grow reads a stale pointer, which facts on locals cannot follow. */
public final class PointerInArrayInitializerEscapes {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        // :: error: [pointer.escape]
        MemorySegment[] slots = {p};
        LongSupplier read = () -> slots[0].get(JAVA_LONG, 0);
        handle = store.grow(handle, 16, 32, 8);
        return read.getAsLong() + handle;
    }
}
