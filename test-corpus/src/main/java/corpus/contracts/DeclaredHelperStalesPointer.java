package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A helper declared {@code @Invalidates("#1")} invalidates its argument at the call site. */
public final class DeclaredHelperStalesPointer {
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        addScratch(store);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }

    @Invalidates("#1")
    static void addScratch(@Multiple Store store) {
        store.allocate(64, 8);
    }
}
