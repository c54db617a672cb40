package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;

// run-with: ArenaStore
/** The safe twin of a use after move: use the vector {@code moveTo} returned, then close it. */
public final class VecMovedThenUseNew {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        try (StoreVec moved = vec.moveTo(store)) {
            moved.pushLong(2);
            return moved.size();
        }
    }
}
