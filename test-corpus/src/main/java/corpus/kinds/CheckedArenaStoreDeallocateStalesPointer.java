package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.CheckedStore;
import java.lang.foreign.MemorySegment;

// run-with: none
/** The twin of {@code CheckedArenaStoreFailingOnLeaksKeepsPointer}: the wrapped store's guarantees do not cover freeing the pointer's own allocation. */
public final class CheckedArenaStoreDeallocateStalesPointer {
    public static long run() {
        try (CheckedStore store = CheckedStore.failingOnLeaks(new ArenaStore())) {
            long first = store.allocate(8, 8);
            MemorySegment p = store.resolve(first, 8);
            store.deallocate(first, 8, 8);
            // :: error: [pointer.stale]
            return p.get(JAVA_LONG, 0);
        }
    }
}
