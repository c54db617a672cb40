package corpus.escape;

import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// not-runnable: the escape itself is the error; the stale use would come later, in the caller
/** Returning a pointer from a method not annotated {@code @Resolves} hides it from the checker at call sites. */
public final class PointerReturnedWithoutResolves {
    static MemorySegment header(@Multiple Store store, long handle) {
        MemorySegment p = store.resolve(handle, 8);
        // :: error: [pointer.escape]
        return p;
    }
}
