package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The twin of {@code SliceOfSliceStaleAfterGrow}: the two-step view is cut again from a pointer resolved after the grow. */
public final class SliceOfSliceTakenAgainAfterGrow {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(32, 8);
        MemorySegment inner = store.resolve(handle, 32).asSlice(8).asSlice(8);
        inner.set(JAVA_LONG, 0, 1);
        handle = store.grow(handle, 32, 64, 8);
        inner = store.resolve(handle, 64).asSlice(8).asSlice(8);
        inner.set(JAVA_LONG, 0, 2);
    }
}
