package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;

// run-with: none
/** A static method that grows memory of a store held in a static field invalidates no receiver (it has none) and no parameter: nothing to declare. */
public final class StaticStoreFieldInStaticMethodNeedsNoDeclaration {
    private static final GrowableStore SCRATCH = new GrowableStore();

    public static long run() {
        long handle = SCRATCH.allocate(16, 8);
        handle = SCRATCH.grow(handle, 16, 32, 8);
        SCRATCH.resolve(handle, 32).set(JAVA_LONG, 0, 5);
        long value = SCRATCH.resolve(handle, 32).get(JAVA_LONG, 0);
        SCRATCH.deallocate(handle, 32, 8);
        return value;
    }
}
