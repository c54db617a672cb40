package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
// run-args: 6
/** {@code reserve(values.length)} then one push per element of {@code values}: exactly the reserved room, so the pointer survives. */
public final class VecForEachOverArrayAfterReserveLength {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, int count) {
        long[] values = new long[count];
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(0);
        vec.reserve(values.length);
        MemorySegment first = vec.get(0);
        for (long value : values) {
            vec.pushLong(value);
        }
        first.set(JAVA_LONG, 0, 7);
    }
}
