package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;

// run-with: none
/** Invalidating a store the method created itself is no effect on its caller: nothing to declare. */
public final class LocalStoreNeedsNoDeclaration {
    public static long run() {
        try (GrowableStore scratch = new GrowableStore()) {
            long handle = scratch.allocate(16, 8);
            handle = scratch.grow(handle, 16, 32, 8);
            scratch.resolve(handle, 32).set(JAVA_LONG, 0, 7);
            return scratch.resolve(handle, 32).get(JAVA_LONG, 0);
        }
    }
}
