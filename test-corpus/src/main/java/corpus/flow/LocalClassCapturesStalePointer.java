package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A local class instance that captured a pointer uses it when called: stale after the grow. */
public final class LocalClassCapturesStalePointer {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        class Reader {
            long first() {
                return p.get(JAVA_LONG, 0);
            }
        }
        Reader reader = new Reader();
        handle = store.grow(handle, 16, 32, 8);
        // :: error: [pointer.stale]
        return reader.first();
    }
}
