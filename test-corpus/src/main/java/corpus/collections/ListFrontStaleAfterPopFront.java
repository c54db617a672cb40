package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** {@code popFront} frees the first node: a pointer to it is stale. */
public final class ListFrontStaleAfterPopFront {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreList list = StoreList.create(store, JAVA_LONG);
        list.pushBack().set(JAVA_LONG, 0, 1);
        list.pushBack().set(JAVA_LONG, 0, 2);
        MemorySegment first = list.front();
        list.popFront();
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
