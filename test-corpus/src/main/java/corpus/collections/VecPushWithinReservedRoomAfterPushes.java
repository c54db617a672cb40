package corpus.collections;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** Room reserved after earlier pushes counts from there: {@code reserve(3)} then three pushes keep a pointer valid (reserve's own reallocation comes first). */
public final class VecPushWithinReservedRoomAfterPushes {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(0);
        vec.shrinkToFit();
        vec.reserve(3);
        MemorySegment first = vec.get(0);
        vec.pushLong(1);
        vec.pushLong(2);
        vec.pushLong(3);
        first.set(JAVA_LONG, 0, 10);
    }
}
