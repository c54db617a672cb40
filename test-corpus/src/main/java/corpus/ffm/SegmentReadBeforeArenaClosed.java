package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Safe twin of {@link SegmentUsedAfterArenaClosed}: the value is read into a local before the arena closes. */
public final class SegmentReadBeforeArenaClosed {
    public static int run() {
        Arena arena = Arena.ofConfined();
        MemorySegment counter = arena.allocate(JAVA_INT);
        counter.set(JAVA_INT, 0, 42);
        int value = counter.get(JAVA_INT, 0);
        arena.close();
        return value;
    }
}
