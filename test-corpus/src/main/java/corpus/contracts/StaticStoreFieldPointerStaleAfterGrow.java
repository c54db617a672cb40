package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;
import java.lang.foreign.MemorySegment;

// not-runnable: a GrowableStore in a static field is not checked at run time (the harness wraps only the stores it passes)
/** The twin of {@code StaticStoreFieldInStaticMethodNeedsNoDeclaration}: needing no declaration does not make the static store's pointers survive its grow. */
public final class StaticStoreFieldPointerStaleAfterGrow {
    private static final GrowableStore SCRATCH = new GrowableStore();

    public static long run() {
        long handle = SCRATCH.allocate(16, 8);
        MemorySegment p = SCRATCH.resolve(handle, 16);
        handle = SCRATCH.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 5);
        return handle;
    }
}
