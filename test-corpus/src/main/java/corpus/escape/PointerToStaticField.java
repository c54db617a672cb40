package corpus.escape;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// not-runnable: the escape itself is the error; the stale use would come later, in other code
/** A pointer of a store that is not @Pinned, kept in a static field, outlives every check. */
public final class PointerToStaticField {
    static MemorySegment cached;

    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        // :: error: [pointer.escape]
        cached = store.resolve(handle, 16);
    }
}
