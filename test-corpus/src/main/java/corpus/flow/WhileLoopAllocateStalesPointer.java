package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** On a store that is not @Stable, an allocation in a while loop stales the pointer used at its top. */
public final class WhileLoopAllocateStalesPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long counter = store.allocate(8, 8);
        MemorySegment count = store.resolve(counter, 8);
        int made = 0;
        while (made < 3) {
            // :: error: [pointer.stale]
            count.set(JAVA_LONG, 0, made);
            store.allocate(16, 8);
            made++;
        }
    }
}
