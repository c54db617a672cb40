package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;
import java.lang.foreign.MemorySegment;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): closing a member of a sharing set kills that member's view, even while another member keeps the memory alive, so a pointer resolved from it is stale. */
public final class CloseStalesPointer {
    @Invalidates(value = "#1", effect = Effect.CLOSE)
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        store.close();
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }
}
