package corpus.table.global;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: GlobalStore
/** GlobalStore (@Pinned @Multiple): leaking a box is sound on a pinned store: the memory is never moved or freed. */
public final class BoxLeakPinned {
    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        MemorySegment forever = StoreBox.allocate(store, JAVA_LONG).leak();
        forever.set(JAVA_LONG, 0, 1);
    }
}
