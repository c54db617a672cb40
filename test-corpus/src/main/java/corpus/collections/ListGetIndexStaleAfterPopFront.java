package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// run-with: SlabStore
/** {@code get(index)} returns a pointer into one node; popping that node stales it. */
public final class ListGetIndexStaleAfterPopFront {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreList list = StoreList.create(store, JAVA_LONG);
        list.pushBack();
        list.pushBack();
        MemorySegment head = list.get(0);
        list.popFront();
        // :: error: [pointer.stale]
        head.set(JAVA_LONG, 0, 1);
    }
}
