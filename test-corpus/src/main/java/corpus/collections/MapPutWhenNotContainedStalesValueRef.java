package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
// run-args: -1
/** The twin of {@code MapPutAfterContainsKeyKeepsValueRef}: under {@code !containsKey(key)} the key is new, and a put of a new key into a full table rehashes. */
public final class MapPutWhenNotContainedStalesValueRef {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, long key) {
        StoreLongMap map = StoreLongMap.create(store);
        for (long k = 1; map.size() < map.capacity(); k++) {
            map.put(k, k * 10);
        }
        MemorySegment first = map.valueRef(1);
        if (!map.containsKey(key)) {
            map.put(key, 5);
        }
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 11);
    }
}
