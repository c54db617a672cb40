package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** Arguments are evaluated left to right: the pointer {@code vec.get(0)} is already made when the later argument {@code vec.push()} reallocates the (full) vector, so {@code sum} reads a stale pointer. */
public final class ArgumentTemporaryStaleAfterLaterArgument {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        // :: error: [pointer.stale]
        return sum(vec.get(0), vec.push());
    }

    static long sum(MemorySegment a, MemorySegment b) {
        return a.get(JAVA_LONG, 0) + b.get(JAVA_LONG, 0);
    }
}
