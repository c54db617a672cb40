package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// run-with: FileStore
/** A FileStore under CheckedStore: handles survive allocations that grow the file; resolve again and go on. */
public final class CheckedHandleSurvivesAllocate {
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        store.allocate(1 << 20, 8);
        store.resolve(handle, 16).set(JAVA_LONG, 0, 1);
    }
}
