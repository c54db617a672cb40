package corpus.flow;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The twin of {@code ArgumentTemporaryStaleAfterLaterArgument}: the push comes first (the first argument), so {@code vec.get(0)} is made after it and both pointers are live. */
public final class ArgumentTemporaryAfterEarlierPush {
    @Invalidates("#1")
    public static long run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        vec.pushLong(1);
        vec.shrinkToFit();
        return sum(vec.push(), vec.get(0));
    }

    static long sum(MemorySegment a, MemorySegment b) {
        return a.get(JAVA_LONG, 0) + b.get(JAVA_LONG, 0);
    }
}
