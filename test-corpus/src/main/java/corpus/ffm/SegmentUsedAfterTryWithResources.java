package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** A segment kept in a variable declared before the try-with-resources that closes its arena, read after it. */
public final class SegmentUsedAfterTryWithResources {
    public static int run() {
        MemorySegment result;
        try (Arena arena = Arena.ofConfined()) {
            result = arena.allocateFrom(JAVA_INT, 1, 2, 3);
        }
        // :: error: [pointer.stale]
        return result.getAtIndex(JAVA_INT, 2);
    }
}
