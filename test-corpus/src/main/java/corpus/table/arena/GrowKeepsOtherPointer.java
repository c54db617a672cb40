package corpus.table.arena;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** ArenaStore (@Stable @Multiple): growing one allocation never moves another, so a pointer to another stays valid. */
public final class GrowKeepsOtherPointer {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long kept = store.allocate(16, 8);
        long grown = store.allocate(16, 8);
        MemorySegment p = store.resolve(kept, 16);
        grown = store.grow(grown, 16, 32, 8);
        p.set(JAVA_LONG, 0, 1);
        store.resolve(grown, 32).set(JAVA_LONG, 0, 2);
    }
}
