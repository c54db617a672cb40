package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code popBack} frees the last node: a pointer to it is stale. */
public final class ListBackStaleAfterPopBack {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreList list = StoreList.create(store, JAVA_LONG);
        list.pushBack().set(JAVA_LONG, 0, 1);
        MemorySegment last = list.back();
        list.popBack();
        // :: error: [pointer.stale]
        last.get(JAVA_LONG, 0);
    }
}
