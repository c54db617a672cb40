package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: InlineStore
/** InlineStore (no guarantees): closing the store frees its memory, so a pointer resolved from it is stale. */
public final class CloseStalesPointer {
    @Invalidates(value = "#1", effect = Effect.CLOSE)
    public static void run(Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        store.close();
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
