package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Safe twin of {@link SliceUsedAfterArenaClosed}: the slice is copied to the Java heap before the arena closes. */
public final class SliceCopiedToHeapBeforeClose {
    public static long run() {
        Arena arena = Arena.ofConfined();
        MemorySegment table = arena.allocate(JAVA_LONG, 4);
        MemorySegment tail = table.asSlice(JAVA_LONG.byteSize() * 2).asReadOnly();
        long[] copy = tail.toArray(JAVA_LONG);
        arena.close();
        return copy[0];
    }
}
