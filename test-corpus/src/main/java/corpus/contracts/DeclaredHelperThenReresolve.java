package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The safe twin: an ALLOCATE helper keeps handles of a @Multiple store, so resolve the handle again after the call. */
public final class DeclaredHelperThenReresolve {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        addScratch(store);
        MemorySegment p = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 1);
    }

    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    static void addScratch(@Multiple Store store) {
        store.allocate(64, 8);
    }
}
