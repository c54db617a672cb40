package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;
import java.lang.foreign.MemorySegment;

// not-runnable: the store lives in a field of an object the method creates, which the harness does not wrap in a CheckedStore
/** The twin of {@code FieldOfLocalObjectNeedsNoDeclaration}: a pointer into that store is still stale after the store grows. */
public final class FieldOfLocalObjectPointerStaleAfterGrow {
    static final class Scratch {
        final GrowableStore store = new GrowableStore();
    }

    public static long run() {
        Scratch scratch = new Scratch();
        long handle = scratch.store.allocate(8, 8);
        MemorySegment p = scratch.store.resolve(handle, 8);
        handle = scratch.store.grow(handle, 8, 16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
        return handle;
    }
}
