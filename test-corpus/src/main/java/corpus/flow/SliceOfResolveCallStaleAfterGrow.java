package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A view cut straight from a call's result ({@code store.resolve(...).asSlice(8)}) is a pointer into the store like the result itself. */
public final class SliceOfResolveCallStaleAfterGrow {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(32, 8);
        MemorySegment tail = store.resolve(handle, 32).asSlice(8);
        handle = store.grow(handle, 32, 64, 8);
        // :: error: [pointer.stale]
        tail.set(JAVA_LONG, 0, 1);
    }
}
