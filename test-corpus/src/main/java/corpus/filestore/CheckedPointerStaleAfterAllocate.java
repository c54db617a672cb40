package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: FileStore
/** A FileStore under CheckedStore: any allocation (growing the file or not) makes earlier pointers stale, as @Multiple says. */
public final class CheckedPointerStaleAfterAllocate {
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        store.allocate(16, 8);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
