package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

// run-with: none
/** Safe twin of {@link SlicingAllocatorOutlivesItsArena}: the sliced block is in an automatic arena, which is never closed. */
public final class SlicingAllocatorOverAutoArena {
    public static int run() {
        Arena scratch = Arena.ofConfined();
        MemorySegment block = Arena.ofAuto().allocate(64);
        SegmentAllocator slicer = SegmentAllocator.slicingAllocator(block);
        MemorySegment cell = slicer.allocate(JAVA_INT);
        scratch.close();
        cell.set(JAVA_INT, 0, 5);
        return cell.get(JAVA_INT, 0);
    }
}
