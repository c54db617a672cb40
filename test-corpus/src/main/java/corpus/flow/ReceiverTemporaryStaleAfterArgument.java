package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** The receiver is evaluated before the arguments: {@code vec.get(0)} is made, then the argument pushes onto the full vector, then {@code set} writes through the stale receiver. */
public final class ReceiverTemporaryStaleAfterArgument {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        // :: error: [pointer.stale]
        vec.get(0).set(JAVA_LONG, 0, vec.push().get(JAVA_LONG, 0));
    }
}
