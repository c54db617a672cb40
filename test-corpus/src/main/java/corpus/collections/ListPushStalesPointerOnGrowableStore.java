package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** On a store that is not @Stable a new node may move the others: a node pointer dies on the next push. */
public final class ListPushStalesPointerOnGrowableStore {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        try (StoreList list = StoreList.create(store, JAVA_LONG)) {
            MemorySegment first = list.pushBack();
            list.pushBack();
            // :: error: [pointer.stale]
            first.set(JAVA_LONG, 0, 1);
        }
    }
}
