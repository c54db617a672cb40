package corpus.escape;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;

// run-with: GrowableStore
/** Handles are plain values: keeping one in a field and resolving it later is the intended use. */
public final class HandleInFieldIsFine {
    private final long counter;

    private HandleInFieldIsFine(long counter) {
        this.counter = counter;
    }

    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        HandleInFieldIsFine holder = new HandleInFieldIsFine(store.allocate(8, 8));
        store.allocate(64, 8);
        store.resolve(holder.counter, 8).set(JAVA_LONG, 0, 1);
    }
}
