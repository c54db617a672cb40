package corpus.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
// Resurrected bug, written fresh: the shape of openjdk/jextract#128, CODETOOLS-7903547, fixed by commit 06be24d.
/** The {@code finally} of a try-with-resources runs after the resource was closed, so the cleanup it does reads an out-parameter segment of the arena that is already gone. */
public final class FinallyReadsSegmentOfClosedArena {
    public static long run() {
        MemorySegment handleOut = MemorySegment.NULL;
        try (Arena arena = Arena.ofConfined()) {
            handleOut = arena.allocate(ADDRESS);
            handleOut.set(ADDRESS, 0, MemorySegment.ofAddress(64));
        } finally {
            // :: error: [pointer.stale]
            MemorySegment handle = handleOut.get(ADDRESS, 0);
            release(handle);
        }
        return 0;
    }

    static void release(MemorySegment handle) {}
}
