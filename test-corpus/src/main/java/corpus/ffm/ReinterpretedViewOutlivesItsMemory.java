package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// not-runnable: the JDK cannot see it: the view is alive in the longer arena while its memory is freed (a crash or garbage read)
/** reinterpret(arena, …) gives a view the longer arena's lifetime, but the memory still belongs to the short one. */
public final class ReinterpretedViewOutlivesItsMemory {
    static int read(Arena longLived) {
        Arena shortLived = Arena.ofConfined();
        MemorySegment buffer = shortLived.allocate(JAVA_INT);
        MemorySegment view = buffer.reinterpret(JAVA_INT.byteSize(), longLived, null);
        shortLived.close();
        // :: error: [pointer.stale]
        return view.get(JAVA_INT, 0);
    }
}
