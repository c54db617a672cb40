package corpus.table.shared;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;

// run-with: SharedArenaStore
/** SharedArenaStore (@SharedStore @Stable @Multiple): a closed store is dead; allocating from it is an error. */
public final class UseAfterClose {
    @Invalidates(value = "#1", effect = Effect.CLOSE)
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        store.allocate(16, 8);
        store.close();
        // :: error: [store.closed]
        store.allocate(16, 8);
    }
}
