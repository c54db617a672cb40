package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: GlobalStore
/** {@code leak()} consumes the box, even on a @Pinned store: the leaked pointer lives on, the box does not. */
public final class BoxUsedAfterLeak {
    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        MemorySegment forever = box.leak();
        forever.set(JAVA_LONG, 0, 1);
        // :: error: [use.after.move]
        box.get();
    }
}
