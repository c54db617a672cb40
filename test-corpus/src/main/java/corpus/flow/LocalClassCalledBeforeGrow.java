package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The safe twin: the local class that captured the pointer is used only before the grow. */
public final class LocalClassCalledBeforeGrow {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        class Reader {
            long first() {
                return p.get(JAVA_LONG, 0);
            }
        }
        long value = new Reader().first();
        store.grow(handle, 16, 32, 8);
        return value;
    }
}
