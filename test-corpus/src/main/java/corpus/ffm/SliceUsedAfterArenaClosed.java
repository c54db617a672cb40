package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** A slice, and a read-only view of it, die with the arena of the segment they were derived from. */
public final class SliceUsedAfterArenaClosed {
    public static long run() {
        Arena arena = Arena.ofConfined();
        MemorySegment table = arena.allocate(JAVA_LONG, 4);
        MemorySegment tail = table.asSlice(JAVA_LONG.byteSize() * 2).asReadOnly();
        arena.close();
        // :: error: [pointer.stale]
        return tail.get(JAVA_LONG, 0);
    }
}
