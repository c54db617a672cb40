package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A {@code put} of a new key may rehash (here the table is full): a {@code valueRef} pointer is stale after it. */
public final class MapValueRefStaleAfterRehash {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        for (long key = 1; map.size() < map.capacity(); key++) {
            map.put(key, key * 10);
        }
        MemorySegment first = map.valueRef(1);
        map.put(-1, -10);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 11);
    }
}
