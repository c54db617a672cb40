package corpus.escape;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;
import java.util.function.LongSupplier;

// run-with: GlobalStore
/** The twin of {@code PointerInArrayInitializerEscapes}: a pointer of a {@code @Pinned} store may be kept anywhere; allocating more does not move it. */
public final class PinnedPointerInArrayInitializer {
    @Invalidates("#1")
    public static long run(@Pinned @Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 4);
        MemorySegment[] slots = {p};
        LongSupplier read = () -> slots[0].get(JAVA_LONG, 0);
        long other = store.allocate(32, 8);
        long value = read.getAsLong();
        store.deallocate(other, 32, 8);
        store.deallocate(handle, 16, 8);
        return value;
    }
}
