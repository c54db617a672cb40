package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// not-runnable: on a @Stable store the nodes never move at run time; StoreList.pushBack declares RELOCATE, so the checker only trusts a @Pinned store here
/** {@code pushBack} is declared to relocate (pointers stale unless the store is @Pinned): on an arena the front pointer is stale. */
public final class ListPushStalesPointerOnUnpinnedStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreList list = StoreList.create(store, JAVA_LONG);
        MemorySegment first = list.pushBack();
        list.pushBack();
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 1);
    }
}
