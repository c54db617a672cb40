package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// not-runnable: the put of key 2 does not happen to rehash the small table, so nothing fails at run time; a put of a key not known present may rehash
/** A {@code put} of a key that is not known present may rehash: a {@code valueRef} pointer from before is stale after it. */
public final class MapValueRefStaleAfterPutOfOtherKey {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        MemorySegment value = map.valueRef(1);
        map.put(2, 20);
        // :: error: [pointer.stale]
        value.set(JAVA_LONG, 0, 12);
    }
}
