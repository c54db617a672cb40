package corpus.kinds;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.CheckedStore;
import java.lang.foreign.MemorySegment;

// run-with: none
/** The factory {@code CheckedStore.failingOnLeaks} is polymorphic too: around an {@code ArenaStore} the wrapper is {@code @Stable}, so a pointer survives another allocation. */
public final class CheckedArenaStoreFailingOnLeaksKeepsPointer {
    public static long run() {
        try (CheckedStore store = CheckedStore.failingOnLeaks(new ArenaStore())) {
            long first = store.allocate(8, 8);
            MemorySegment p = store.resolve(first, 8);
            long second = store.allocate(8, 8);
            p.set(JAVA_LONG, 0, 9);
            long value = p.get(JAVA_LONG, 0);
            store.deallocate(second, 8, 8);
            store.deallocate(first, 8, 8);
            return value;
        }
    }
}
