package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** After {@code reserve(n)}, pushes within the capacity never reallocate (a capacity promise, docs/collections.md): the pointer survives. */
public final class VecPushWithinReservedCapacity {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.reserve(8);
        vec.pushLong(1);
        MemorySegment first = vec.get(0);
        vec.pushLong(2);
        first.set(JAVA_LONG, 0, 10);
    }
}
