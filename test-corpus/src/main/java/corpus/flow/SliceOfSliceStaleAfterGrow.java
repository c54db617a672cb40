package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A view derived in two steps ({@code asSlice} of {@code asSlice}) dies with the pointer it was cut from. */
public final class SliceOfSliceStaleAfterGrow {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(32, 8);
        MemorySegment whole = store.resolve(handle, 32);
        MemorySegment inner = whole.asSlice(8).asSlice(8);
        handle = store.grow(handle, 32, 64, 8);
        // :: error: [pointer.stale]
        inner.set(JAVA_LONG, 0, 1);
    }
}
