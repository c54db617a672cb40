package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// not-runnable: the return itself is the error; the caller's first read of the segment is what throws
/** A segment returned out of the try-with-resources that closes its arena: the caller gets a dead segment. */
public final class SegmentEscapesTryWithResources {
    static MemorySegment greeting() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocateFrom("hello");
            // :: error: [pointer.escape]
            return text;
        }
    }
}
