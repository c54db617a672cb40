package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// run-with: SharedArenaStore
/** {@code a.append(b)} moves b's nodes into a: pointers taken from b before it are stale. */
public final class ListAppendStalesOtherListPointers {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        try (StoreList first = StoreList.create(store, JAVA_LONG); StoreList second = StoreList.create(store.share(), JAVA_LONG)) {
            first.pushBack().set(JAVA_LONG, 0, 1);
            MemorySegment moved = second.pushBack();
            first.append(second);
            // :: error: [pointer.stale]
            moved.set(JAVA_LONG, 0, 2);
        }
    }
}
