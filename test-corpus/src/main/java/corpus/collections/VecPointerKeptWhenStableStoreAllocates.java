package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** On a @Stable store, another allocation leaves a vector's pointers valid. */
public final class VecPointerKeptWhenStableStoreAllocates {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        MemorySegment first = vec.get(0);
        store.allocate(64, 8);
        first.set(JAVA_LONG, 0, 10);
    }
}
