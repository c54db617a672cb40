package corpus.foreign;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;

// run-with: SharedArenaStore
/** A closed member of a sharing set is dead itself, even though the other members keep the memory. */
public final class ClosedMemberIsDead {
    @Invalidates(value = "#1", effect = Effect.CLOSE)
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        SharingStore member = store.share();
        long handle = member.allocate(16, 8);
        member.close();
        // :: error: [store.closed]
        member.resolve(handle, 16);
    }
}
