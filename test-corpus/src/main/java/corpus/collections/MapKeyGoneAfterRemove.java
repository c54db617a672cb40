package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The twin of {@code MapKeyStaysPresentAcrossRehash}: a remove may drop the key ({@code POINTERS}), so a later put of it is a new key that may rehash (here the table is full). */
public final class MapKeyGoneAfterRemove {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        for (long k = 2; map.size() < map.capacity(); k++) {
            map.put(k, k * 10);
        }
        map.remove(1);
        map.put(-1, -10);
        MemorySegment last = map.valueRef(-1);
        map.put(1, 11);
        // :: error: [pointer.stale]
        last.set(JAVA_LONG, 0, 12);
    }
}
