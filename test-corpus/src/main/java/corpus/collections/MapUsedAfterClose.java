package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;

// run-with: ArenaStore
/** A closed map is dead: reading from it is an error. */
public final class MapUsedAfterClose {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        map.close();
        // :: error: [store.closed]
        return map.get(1, -1);
    }
}
