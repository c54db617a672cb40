package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A pointer from a {@code @Resolves} helper goes stale like one from {@code resolve} itself. */
public final class ResolvesHelperAfterGrow {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment header = header(store, handle);
        handle = store.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        header.set(JAVA_LONG, 0, 1);
    }

    @Resolves(value = "#1", handle = "#2")
    static MemorySegment header(@Multiple Store store, long handle) {
        return store.resolve(handle, 8);
    }
}
