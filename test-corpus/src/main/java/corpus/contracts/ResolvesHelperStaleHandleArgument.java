package corpus.contracts;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A {@code @Resolves(handle = "#2")} helper checks its handle argument like {@code resolve} does. */
public final class ResolvesHelperStaleHandleArgument {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        store.deallocate(handle, 16, 8);
        // :: error: [handle.stale]
        MemorySegment header = header(store, handle);
        header.fill((byte) 0);
    }

    @Resolves(value = "#1", handle = "#2")
    static MemorySegment header(@Multiple Store store, long handle) {
        return store.resolve(handle, 8);
    }
}
