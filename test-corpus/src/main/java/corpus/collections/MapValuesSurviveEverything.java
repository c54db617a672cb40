package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;

// run-with: GrowableStore
/** {@code get} and {@code put} exchange values, not pointers: nothing goes stale. */
public final class MapValuesSurviveEverything {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        long before = map.get(1, -1);
        for (long key = 2; key < 100; key++) {
            map.put(key, key);
        }
        map.remove(50);
        return before + map.get(1, -1);
    }
}
