package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Safe twin of {@link SegmentEscapesTryWithResources}: the segment comes from the caller's arena, which outlives the call. */
public final class SegmentOfCallersArenaReturned {
    static MemorySegment greeting(Arena arena) {
        MemorySegment text = arena.allocateFrom("hello");
        return text;
    }

    public static String run() {
        try (Arena arena = Arena.ofConfined()) {
            return greeting(arena).getString(0);
        }
    }
}
