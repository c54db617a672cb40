package corpus.suppress;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// not-runnable: the suppressed use really is stale; running it would fail by design
/** {@code @SuppressWarnings("stowage:pointer.stale")} silences that key on the annotated method. */
public final class SuppressedPointerStale {
    @SuppressWarnings("stowage:pointer.stale")
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        store.allocate(16, 8);
        p.set(JAVA_LONG, 0, 1);
    }
}
