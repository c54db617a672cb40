package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import dev.stowage.store.StoreList;

// run-with: SharedArenaStore
/** {@code splitOff} needs the list's store in a sharing set; on a SharedArenaStore both halves are usable. */
public final class ListSplitOffOnSharedStore {
    @Invalidates("#1")
    public static long run(@SharedStore @Stable @Multiple SharingStore store) {
        try (StoreList list = StoreList.create(store, JAVA_LONG)) {
            list.pushBack().set(JAVA_LONG, 0, 1);
            list.pushBack().set(JAVA_LONG, 0, 2);
            try (StoreList rest = list.splitOff(1)) {
                return list.front().get(JAVA_LONG, 0) + rest.front().get(JAVA_LONG, 0);
            }
        }
    }
}
