package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** {@code while (true)} with the grow right before {@code break}: the pointer is used only while valid. */
public final class WhileTrueBreaksAfterGrow {
    @Invalidates("#1")
    public static long run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        int round = 0;
        while (true) {
            p.set(JAVA_LONG, 0, round);
            if (++round == 3) {
                handle = store.grow(handle, 16, 32, 8);
                break;
            }
        }
        return store.resolve(handle, 32).get(JAVA_LONG, 0);
    }
}
