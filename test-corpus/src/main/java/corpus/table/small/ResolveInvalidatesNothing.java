package corpus.table.small;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: SmallStore
/** SmallStore (@Multiple): resolving is not an invalidation: two pointers to one allocation are both valid. */
public final class ResolveInvalidatesNothing {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        MemorySegment q = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 1);
        q.set(JAVA_LONG, 8, p.get(JAVA_LONG, 0));
    }
}
