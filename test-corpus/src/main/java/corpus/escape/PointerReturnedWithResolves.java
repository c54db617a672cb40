package corpus.escape;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The safe twin of an escaping return: {@code @Resolves} ties the result to the store at every call. */
public final class PointerReturnedWithResolves {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        header(store, store.allocate(16, 8)).set(JAVA_LONG, 0, 1);
    }

    @Resolves(value = "#1", handle = "#2")
    static MemorySegment header(@Multiple Store store, long handle) {
        MemorySegment p = store.resolve(handle, 8);
        return p;
    }
}
