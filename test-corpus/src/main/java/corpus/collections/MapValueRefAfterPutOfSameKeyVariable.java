package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
// run-args: 7
/** A key held in an effectively final parameter is the same key at each {@code put}: the second put finds it present and never rehashes. */
public final class MapValueRefAfterPutOfSameKeyVariable {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store, long key) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(key, 10);
        MemorySegment value = map.valueRef(key);
        map.put(key, 11);
        value.set(JAVA_LONG, 0, 12);
    }
}
