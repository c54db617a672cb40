package corpus.foreign;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;

// run-with: SharedArenaStore
/** Closing one member of a sharing set leaves its handles valid with the members still open. */
public final class ClosedMemberLeavesMemoryToOthers {
    @Invalidates(value = "#1", effect = Effect.CLOSE)
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        SharingStore member = store.share();
        long handle = member.allocate(16, 8);
        member.close();
        store.resolve(handle, 16).set(JAVA_LONG, 0, 1);
    }
}
