package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: InlineStore
/** InlineStore (no guarantees): after a second allocation only its own handle is resolved and used. */
public final class AllocateThenResolveNew {
    @Invalidates("#1")
    public static void run(Store store) {
        long first = store.allocate(16, 8);
        MemorySegment p = store.resolve(first, 16);
        p.set(JAVA_LONG, 0, 1);
        long second = store.allocate(16, 8);
        p = store.resolve(second, 16);
        p.set(JAVA_LONG, 0, 2);
    }
}
