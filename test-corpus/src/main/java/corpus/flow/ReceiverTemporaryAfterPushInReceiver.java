package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** The twin of {@code ReceiverTemporaryStaleAfterArgument}: the push is the receiver (evaluated first), and the argument's {@code vec.get(0)} is made after it. */
public final class ReceiverTemporaryAfterPushInReceiver {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        vec.push().set(JAVA_LONG, 0, vec.get(0).get(JAVA_LONG, 0));
    }
}
