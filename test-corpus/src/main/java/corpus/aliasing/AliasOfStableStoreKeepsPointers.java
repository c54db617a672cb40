package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** Through an alias of a @Stable store, an allocation still leaves other pointers valid. */
public final class AliasOfStableStoreKeepsPointers {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        Store alias = store;
        alias.allocate(16, 8);
        p.set(JAVA_LONG, 0, 1);
    }
}
