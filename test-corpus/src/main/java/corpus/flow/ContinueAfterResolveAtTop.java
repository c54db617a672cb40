package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The safe twin: resolve at the top of the body, so {@code continue} cannot skip it. */
public final class ContinueAfterResolveAtTop {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        long size = 16;
        for (int i = 0; i < 4; i++) {
            MemorySegment p = store.resolve(handle, size);
            p.set(JAVA_LONG, 0, i);
            if (i % 2 == 0) {
                continue;
            }
            handle = store.grow(handle, size, size * 2, 8);
            size *= 2;
        }
    }
}
