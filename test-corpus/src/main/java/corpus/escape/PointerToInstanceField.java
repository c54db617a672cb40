package corpus.escape;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// not-runnable: the escape itself is the error; the stale use would come later, in other code
/** Even a @Stable store's pointer must not be kept in a field: closing the store frees the memory. */
public final class PointerToInstanceField {
    private MemorySegment header;

    public void attach(@Stable @Multiple Store store, long handle) {
        // :: error: [pointer.escape]
        this.header = store.resolve(handle, 16);
    }

    public boolean attached() {
        return header != null;
    }
}
