package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;

// run-with: none
/** An instance method that grows memory of a store held in a static field does not invalidate its receiver's store: the field belongs to the class, not to the receiver. */
public final class StaticStoreFieldInInstanceMethodNeedsNoDeclaration {
    private static final GrowableStore SHARED = new GrowableStore();

    private long total;

    long add(long value) {
        long handle = SHARED.allocate(8, 8);
        SHARED.resolve(handle, 8).set(JAVA_LONG, 0, value);
        total += SHARED.resolve(handle, 8).get(JAVA_LONG, 0);
        SHARED.deallocate(handle, 8, 8);
        return total;
    }

    public static long run() {
        return new StaticStoreFieldInInstanceMethodNeedsNoDeclaration().add(3);
    }
}
