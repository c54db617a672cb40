package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code remove} shifts entries to fill the hole: {@code valueRef} pointers are stale after it. */
public final class MapValueRefStaleAfterRemove {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        map.put(2, 20);
        MemorySegment second = map.valueRef(2);
        map.remove(1);
        // :: error: [pointer.stale]
        second.set(JAVA_LONG, 0, 21);
    }
}
