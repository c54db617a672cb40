package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
// run-args: 2
/** The safe twin of a growing switch case: that case also resolves again. */
public final class SwitchCaseReresolves {
    @Invalidates("#1")
    public static void run(@Multiple Store store, int mode) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        switch (mode) {
            case 1 -> p.set(JAVA_LONG, 0, 1);
            case 2 -> {
                handle = store.grow(handle, 16, 32, 8);
                p = store.resolve(handle, 32);
            }
            default -> { }
        }
        p.set(JAVA_LONG, 8, mode);
    }
}
