package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

// run-with: GrowableStore
/** A method of an unchecked library that has no Stowage annotations (here {@code Objects.requireNonNull} and {@code String.valueOf}) is assumed not to invalidate the store it is given. */
public final class JdkMethodTakingStoreInvalidatesNothing {
    @Invalidates("#1")
    public static String run(@Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        Objects.requireNonNull(store);
        String name = String.valueOf(store);
        p.set(JAVA_LONG, 0, name.length());
        return name;
    }
}
