package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A helper that only allocates ({@code effect = ALLOCATE}) keeps pointers of a @Stable store valid. */
public final class DeclaredAllocateEffectOnStableStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        addScratch(store);
        p.set(JAVA_LONG, 0, 1);
    }

    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    static void addScratch(@Stable @Multiple Store store) {
        store.allocate(64, 8);
    }
}
