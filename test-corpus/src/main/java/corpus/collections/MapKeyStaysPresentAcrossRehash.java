package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A rehash moves entries but keeps every key: a key put before the table grew is still present after, so putting it again never rehashes. */
public final class MapKeyStaysPresentAcrossRehash {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        for (long k = 2; map.size() <= 40; k++) {
            map.put(k, k * 10);
        }
        MemorySegment first = map.valueRef(1);
        map.put(1, 11);
        first.set(JAVA_LONG, 0, 12);
    }
}
