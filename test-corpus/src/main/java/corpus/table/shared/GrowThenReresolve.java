package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import java.lang.foreign.MemorySegment;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): the nearest safe twin of a stale grow: keep the returned handle and resolve it again. */
public final class GrowThenReresolve {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 1);
        handle = store.grow(handle, 16, 32, 8);
        p = store.resolve(handle, 32);
        p.set(JAVA_LONG, 8, 2);
    }
}
