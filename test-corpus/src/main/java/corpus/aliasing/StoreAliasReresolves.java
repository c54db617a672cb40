package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GrowableStore
/** The safe twin of a grow through an alias: resolve again (through either name) after it. */
public final class StoreAliasReresolves {
    @Invalidates("#1")
    public static void run(@Multiple Store store) {
        Store alias = store;
        long handle = store.allocate(16, 8);
        handle = alias.grow(handle, 16, 32, 8);
        MemorySegment p = store.resolve(handle, 32);
        p.set(JAVA_LONG, 0, 1);
    }
}
