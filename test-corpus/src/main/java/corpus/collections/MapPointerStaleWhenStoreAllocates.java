package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A map's {@code valueRef} dies when its store relocates: another allocation in a GrowableStore. */
public final class MapPointerStaleWhenStoreAllocates {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        StoreLongMap map = StoreLongMap.create(store);
        map.put(1, 10);
        MemorySegment value = map.valueRef(1);
        store.allocate(64, 8);
        // :: error: [pointer.stale]
        value.set(JAVA_LONG, 0, 11);
    }
}
