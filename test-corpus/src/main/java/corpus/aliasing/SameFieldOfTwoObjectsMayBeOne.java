package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;
import java.lang.foreign.MemorySegment;

// not-runnable: the stores live in fields of objects the method creates, which the harness does not wrap in a CheckedStore
/** The twin of {@code DistinctFreshFinalFieldsFromInitializers}: the same field read through two locals may be one store (the locals may be one object; here they are), so allocating through one stales the other's pointer. */
public final class SameFieldOfTwoObjectsMayBeOne {
    static final class Pair {
        final GrowableStore left = new GrowableStore();
        final GrowableStore right = new GrowableStore();
    }

    public static long run(boolean same) {
        Pair first = new Pair();
        Pair second = same ? first : new Pair();
        long handle = first.left.allocate(8, 8);
        MemorySegment p = first.left.resolve(handle, 8);
        second.left.allocate(64, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 3);
        return handle;
    }
}
