package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** Copying a pointer into another local is not a use, but the copy goes stale with the original. */
public final class PointerCopyIsStaleToo {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        MemorySegment copy = p;
        handle = store.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        copy.set(JAVA_LONG, 0, 1);
    }
}
