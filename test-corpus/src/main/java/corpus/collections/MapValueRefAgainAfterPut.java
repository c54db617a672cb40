package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;

// run-with: ArenaStore
/** The safe twin: take {@code valueRef} again after the put. */
public final class MapValueRefAgainAfterPut {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        for (long key = 1; map.size() < map.capacity(); key++) {
            map.put(key, key * 10);
        }
        map.put(-1, -10);
        map.valueRef(1).set(JAVA_LONG, 0, 11);
    }
}
