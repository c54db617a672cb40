package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** {@code continue} skips the re-resolve at the end of the body, so the next iteration uses a stale pointer. */
public final class ContinueSkipsReresolve {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        long size = 16;
        MemorySegment p = store.resolve(handle, size);
        for (int i = 0; i < 4; i++) {
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, i);
            handle = store.grow(handle, size, size * 2, 8);
            size *= 2;
            if (i % 2 == 0) {
                continue;
            }
            p = store.resolve(handle, size);
        }
    }
}
