package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Final fields initialized where they are declared, each with a store of its own, are two stores: allocating in {@code right} (a growable store, not {@code @Stable}) keeps a pointer into {@code left}. */
public final class DistinctFreshFinalFieldsFromInitializers {
    static final class Pair {
        final GrowableStore left = new GrowableStore();
        final GrowableStore right = new GrowableStore();
    }

    public static long run() {
        Pair pair = new Pair();
        long handle = pair.left.allocate(8, 8);
        MemorySegment p = pair.left.resolve(handle, 8);
        pair.right.allocate(64, 8);
        p.set(JAVA_LONG, 0, 3);
        long value = p.get(JAVA_LONG, 0);
        pair.left.close();
        pair.right.close();
        return value;
    }
}
