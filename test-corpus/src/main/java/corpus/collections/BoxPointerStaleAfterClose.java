package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** Closing a box frees its allocation: a pointer from {@code get()} is stale afterwards. */
public final class BoxPointerStaleAfterClose {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        MemorySegment p = box.get();
        box.close();
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
