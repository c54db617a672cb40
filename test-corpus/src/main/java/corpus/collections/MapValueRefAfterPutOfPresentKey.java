package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A {@code put} on a key already present never rehashes (a capacity promise, docs/collections.md): the pointer survives. */
public final class MapValueRefAfterPutOfPresentKey {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        MemorySegment value = map.valueRef(1);
        map.put(1, 11);
        value.set(JAVA_LONG, 0, 12);
    }
}
