package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code reserve} rehashes into a bigger table: a {@code valueRef} pointer is stale after it. */
public final class MapValueRefStaleAfterReserve {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        MemorySegment value = map.valueRef(1);
        map.reserve(1000);
        // :: error: [pointer.stale]
        value.set(JAVA_LONG, 0, 11);
    }
}
