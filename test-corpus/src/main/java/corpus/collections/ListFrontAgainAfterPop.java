package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;

// run-with: ArenaStore
/** The safe twin of a stale front: call {@code front()} again after the pop. */
public final class ListFrontAgainAfterPop {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreList list = StoreList.create(store, JAVA_LONG);
        list.pushBack().set(JAVA_LONG, 0, 1);
        list.pushBack().set(JAVA_LONG, 0, 2);
        list.popFront();
        return list.front().get(JAVA_LONG, 0);
    }
}
