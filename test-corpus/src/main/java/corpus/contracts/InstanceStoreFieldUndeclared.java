package corpus.contracts;

import dev.stowage.qual.Multiple;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.Store;

// not-runnable: a missing declaration is a static error in the method's body; nothing fails at run time there
/** The twin of {@code StaticStoreFieldInInstanceMethodNeedsNoDeclaration}: an instance field's store is the receiver's, so growing in it must be declared. */
public final class InstanceStoreFieldUndeclared {
    private final @Multiple Store store = new GrowableStore();

    long twice(long handle) {
        // :: error: [invalidates.undeclared]
        return store.grow(handle, 16, 32, 8);
    }
}
