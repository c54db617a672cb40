package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code setLong} writes in place and invalidates nothing: a pointer from {@code get} survives it. */
public final class VecSetLongKeepsPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.pushLong(2);
        MemorySegment second = vec.get(1);
        vec.setLong(0, 5);
        second.set(JAVA_LONG, 0, 6);
    }
}
