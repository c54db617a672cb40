package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: 2
/** One case of a switch grows the allocation; after the switch the pointer is stale on that path. */
public final class SwitchCaseGrowsThenUse {
    @Invalidates("#1")
    public static void run(@Multiple Store store, int mode) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        switch (mode) {
            case 1 -> p.set(JAVA_LONG, 0, 1);
            case 2 -> handle = store.grow(handle, 16, 32, 8);
            default -> { }
        }
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 8, mode);
    }
}
