package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The safe twin: the finally block resolves the current handle instead of reusing the old pointer. */
public final class TryFinallyReresolves {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        long size = 16;
        try {
            handle = store.grow(handle, 16, 32, 8);
            size = 32;
        } finally {
            MemorySegment p = store.resolve(handle, size);
            p.set(JAVA_LONG, 0, 1);
        }
    }
}
