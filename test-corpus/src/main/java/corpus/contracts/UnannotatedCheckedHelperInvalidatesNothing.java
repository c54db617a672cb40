package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** A checked helper without {@code @Invalidates} is known not to invalidate (its body is verified), so pointers survive the call. */
public final class UnannotatedCheckedHelperInvalidatesNothing {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        long first = peek(store, handle);
        p.set(JAVA_LONG, 8, first);
    }

    static long peek(@Multiple Store store, long handle) {
        return store.resolve(handle, 16).get(JAVA_LONG, 0);
    }
}
