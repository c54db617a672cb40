package corpus.foreign;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import dev.stowage.store.SharingStore;

// run-with: SharedArenaStore
/** Members of one sharing set accept each other's handles: not foreign. */
public final class SharingSetMembersShareHandles {
    @Invalidates("#1")
    public static void run(@SharedStore @Stable @Multiple SharingStore store) {
        try (SharingStore member = store.share()) {
            long handle = member.allocate(16, 8);
            store.resolve(handle, 16).set(JAVA_LONG, 0, 1);
            store.deallocate(handle, 16, 8);
        }
    }
}
