package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;

// run-with: ArenaStore
/** A closed list is dead: pushing to it is an error. */
public final class ListUsedAfterClose {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreList list = StoreList.create(store, JAVA_LONG);
        list.pushBack();
        list.close();
        // :: error: [store.closed]
        list.pushBack();
    }
}
