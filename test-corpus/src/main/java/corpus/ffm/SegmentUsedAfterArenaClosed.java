package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** A segment read after its arena closed: the JDK throws "Already closed" (IllegalStateException). */
public final class SegmentUsedAfterArenaClosed {
    public static int run() {
        Arena arena = Arena.ofConfined();
        MemorySegment counter = arena.allocate(JAVA_INT);
        counter.set(JAVA_INT, 0, 42);
        arena.close();
        // :: error: [pointer.stale]
        return counter.get(JAVA_INT, 0);
    }
}
