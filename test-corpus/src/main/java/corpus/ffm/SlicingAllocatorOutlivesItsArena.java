package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

// run-with: none
/** A slicing allocator hands out views of the block it slices: they die when the block's arena closes. */
public final class SlicingAllocatorOutlivesItsArena {
    public static int run() {
        Arena arena = Arena.ofConfined();
        MemorySegment block = arena.allocate(64);
        SegmentAllocator slicer = SegmentAllocator.slicingAllocator(block);
        MemorySegment cell = slicer.allocate(JAVA_INT);
        arena.close();
        // :: error: [pointer.stale]
        cell.set(JAVA_INT, 0, 5);
        return 5;
    }
}
