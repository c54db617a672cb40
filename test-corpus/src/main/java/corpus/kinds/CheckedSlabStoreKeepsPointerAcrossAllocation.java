package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.CheckedStore;
import dev.stowage.store.SlabStore;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: none
/** A {@code CheckedStore} has the guarantees of the store it wraps ({@code @PolyStore}): around a {@code SlabStore} it is {@code @Stable @Multiple}, so a pointer survives another allocation. */
public final class CheckedSlabStoreKeepsPointerAcrossAllocation {
    public static long run() {
        try (Store store = new CheckedStore(new SlabStore(64, 8))) {
            long first = store.allocate(8, 8);
            MemorySegment p = store.resolve(first, 8);
            long second = store.allocate(8, 8);
            p.set(JAVA_LONG, 0, 7);
            store.deallocate(second, 8, 8);
            long value = p.get(JAVA_LONG, 0);
            store.deallocate(first, 8, 8);
            return value;
        }
    }
}
