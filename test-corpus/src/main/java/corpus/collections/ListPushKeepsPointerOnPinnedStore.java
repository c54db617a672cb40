package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// run-with: GlobalStore
/** On a @Pinned store nothing relocates: a node pointer survives later pushes. */
public final class ListPushKeepsPointerOnPinnedStore {
    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        try (StoreList list = StoreList.create(store, JAVA_LONG)) {
            MemorySegment first = list.pushBack();
            list.pushBack();
            list.pushFront();
            first.set(JAVA_LONG, 0, 1);
        }
    }
}
