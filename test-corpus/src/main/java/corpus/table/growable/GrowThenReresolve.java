package corpus.table.growable;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** GrowableStore (@Multiple): the nearest safe twin of a stale grow: keep the returned handle and resolve it again. */
public final class GrowThenReresolve {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 1);
        handle = store.grow(handle, 16, 32, 8);
        p = store.resolve(handle, 32);
        p.set(JAVA_LONG, 8, 2);
    }
}
