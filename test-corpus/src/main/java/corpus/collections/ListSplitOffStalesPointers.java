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
/** {@code splitOff} re-links nodes: pointers into the list taken before it are stale. */
public final class ListSplitOffStalesPointers {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        try (StoreList list = StoreList.create(store, JAVA_LONG)) {
            list.pushBack();
            MemorySegment last = list.pushBack();
            try (StoreList rest = list.splitOff(1)) {
                // :: error: [pointer.stale]
                last.set(JAVA_LONG, 0, rest.size());
            }
        }
    }
}
