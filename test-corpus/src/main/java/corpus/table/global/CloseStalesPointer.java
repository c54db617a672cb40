package corpus.table.global;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: GlobalStore
/** GlobalStore (@Pinned @Multiple): closing the store frees its memory, so a pointer resolved from it is stale. */
public final class CloseStalesPointer {
    @Invalidates(value = "#1", effect = Effect.CLOSE)
    public static void run(@Pinned @Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        store.close();
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
