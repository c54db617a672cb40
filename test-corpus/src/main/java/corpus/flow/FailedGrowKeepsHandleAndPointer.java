package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import dev.stowage.store.StoreExhaustedException;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A grow that throws changes nothing: in the catch block the old handle and pointer are still valid. */
public final class FailedGrowKeepsHandleAndPointer {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        try {
            handle = store.grow(handle, 16, 1L << 50, 8);
        } catch (StoreExhaustedException tooBig) {
            p.set(JAVA_LONG, 0, 1);
            store.resolve(handle, 16).set(JAVA_LONG, 8, 2);
            return;
        }
        store.resolve(handle, 1L << 50).set(JAVA_LONG, 0, 3);
    }
}
