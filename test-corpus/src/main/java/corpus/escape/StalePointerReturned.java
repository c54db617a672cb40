package corpus.escape;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// not-runnable: returning a stale segment does not touch its memory, so nothing fails at the return
/** Returning a pointer is a use: returning one that a grow made stale is reported at the return. */
public final class StalePointerReturned {
    @Resolves(value = "#1")
    @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
    static MemorySegment grownHeader(@Multiple Store store, long handle) {
        MemorySegment p = store.resolve(handle, 8);
        store.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        return p;
    }
}
