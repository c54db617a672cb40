package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: true
/** A pointer used only under {@code !grow}, after a grow under {@code grow}: the two never happen in one run. */
public final class CorrelatedConditionUseOnlyWhenNotGrown {
    @Invalidates("#1")
    public static long run(@Multiple Store store, boolean grow) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        if (grow) {
            handle = store.grow(handle, 16, 32, 8);
        }
        if (!grow) {
            p.set(JAVA_LONG, 0, 3);
        }
        return handle;
    }
}
