package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** On a @Stable store another allocation leaves a box's pointer valid. */
public final class BoxPointerKeptWhenStableStoreAllocates {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreBox box = StoreBox.allocate(store, JAVA_LONG);
        MemorySegment p = box.get();
        store.allocate(64, 8);
        p.set(JAVA_LONG, 0, 1);
        box.close();
    }
}
