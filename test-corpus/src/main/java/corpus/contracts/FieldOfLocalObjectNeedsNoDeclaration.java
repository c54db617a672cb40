package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.GrowableStore;

// run-with: none
/** A store reached through a field of an object the method created itself is no one else's: growing in it needs no declaration, even in an instance method. */
public final class FieldOfLocalObjectNeedsNoDeclaration {
    static final class Scratch {
        final GrowableStore store = new GrowableStore();
    }

    private long last;

    long fill(long value) {
        Scratch scratch = new Scratch();
        long handle = scratch.store.allocate(8, 8);
        handle = scratch.store.grow(handle, 8, 16, 8);
        scratch.store.resolve(handle, 16).set(JAVA_LONG, 0, value);
        last = scratch.store.resolve(handle, 16).get(JAVA_LONG, 0);
        scratch.store.close();
        return last;
    }

    public static long run() {
        return new FieldOfLocalObjectNeedsNoDeclaration().fill(4);
    }
}
