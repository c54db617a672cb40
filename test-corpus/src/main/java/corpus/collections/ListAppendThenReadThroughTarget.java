package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import dev.stowage.store.StoreList;

// run-with: SharedArenaStore
/** The safe twin: after {@code append}, reach the moved elements through the list that now holds them. */
public final class ListAppendThenReadThroughTarget {
    @Invalidates("#1")
    public static long run(@SharedStore @Stable @Multiple SharingStore store) {
        try (StoreList first = StoreList.create(store, JAVA_LONG); StoreList second = StoreList.create(store.share(), JAVA_LONG)) {
            first.pushBack().set(JAVA_LONG, 0, 1);
            second.pushBack().set(JAVA_LONG, 0, 2);
            first.append(second);
            return first.back().get(JAVA_LONG, 0) + first.size() + second.size();
        }
    }
}
