package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** Allocating in a @Stable @Multiple store invalidates nothing a caller holds, and freeing a handle the method allocated itself only kills that handle: no declaration is needed. */
public final class OwnAllocationsOnStableStoreNeedNoDeclaration {
    public static long run(@Stable @Multiple Store store) {
        long scratch = store.allocate(16, 8);
        store.resolve(scratch, 16).set(JAVA_LONG, 0, 42);
        long value = store.resolve(scratch, 16).get(JAVA_LONG, 0);
        store.deallocate(scratch, 16, 8);
        return value;
    }
}
