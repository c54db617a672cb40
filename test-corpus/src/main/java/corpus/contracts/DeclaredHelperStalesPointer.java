package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A helper declared {@code @Invalidates(value = "#1", effect = ALLOCATE)} stales the pointers of a non-@Stable store at the call site. */
public final class DeclaredHelperStalesPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        addScratch(store);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }

    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    static void addScratch(@Multiple Store store) {
        store.allocate(64, 8);
    }
}
