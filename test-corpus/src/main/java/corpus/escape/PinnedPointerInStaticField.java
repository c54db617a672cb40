package corpus.escape;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

// run-with: GlobalStore
/** A leaked pointer of a @Pinned store lives as long as the process: keeping it in a static is fine. */
public final class PinnedPointerInStaticField {
    static MemorySegment counter;

    @Invalidates("#1")
    public static void run(@Pinned @Multiple Store store) {
        counter = StoreBox.allocate(store, JAVA_LONG).leak();
        counter.set(JAVA_LONG, 0, 1);
    }
}
