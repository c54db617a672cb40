package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Safe twin of {@link SegmentUsedAfterTryWithResources}: the value leaves the try, the segment does not. */
public final class SegmentUsedInsideTryWithResources {
    public static int run() {
        int last;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment result = arena.allocateFrom(JAVA_INT, 1, 2, 3);
            last = result.getAtIndex(JAVA_INT, 2);
        }
        return last;
    }
}
