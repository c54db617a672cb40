package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
// run-args: 1
/** Inside {@code if (map.containsKey(key))} the key is present ({@code @EnsuresPresentIf}), so {@code put(key, …)} only writes a value: it never rehashes, even with the table full, and {@code valueRef} pointers survive. */
public final class MapPutAfterContainsKeyKeepsValueRef {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, long key) {
        StoreLongMap map = StoreLongMap.create(store);
        for (long k = 1; map.size() < map.capacity(); k++) {
            map.put(k, k * 10);
        }
        MemorySegment first = map.valueRef(1);
        if (map.containsKey(key)) {
            map.put(key, 5);
        }
        first.set(JAVA_LONG, 0, 11);
    }
}
