package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreList;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A list's push allocates a node; on a @Stable store (an arena) the other nodes never move, so a node pointer survives. */
public final class ListPushKeepsPointerOnStableStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        try (StoreList list = StoreList.create(store, JAVA_LONG)) {
            MemorySegment first = list.pushBack();
            list.pushBack();
            first.set(JAVA_LONG, 0, 1);
        }
    }
}
