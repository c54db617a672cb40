package corpus.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Fixed twin of {@link FinallyReadsSegmentOfClosedArena} (as in 06be24d): the try/finally is inside the try-with-resources. */
public final class FinallyInsideTryWithResources {
    public static long run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handleOut = arena.allocate(ADDRESS);
            try {
                handleOut.set(ADDRESS, 0, MemorySegment.ofAddress(64));
            } finally {
                MemorySegment handle = handleOut.get(ADDRESS, 0);
                release(handle);
            }
        }
        return 0;
    }

    static void release(MemorySegment handle) {}
}
