package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Safe twin of {@link ReinterpretedViewOutlivesItsMemory}: the view is used before the memory's arena closes. */
public final class ReinterpretedViewUsedWhileMemoryLives {
    public static int run() {
        try (Arena longLived = Arena.ofConfined()) {
            Arena shortLived = Arena.ofConfined();
            MemorySegment buffer = shortLived.allocate(JAVA_INT);
            MemorySegment view = buffer.reinterpret(JAVA_INT.byteSize(), longLived, null);
            view.set(JAVA_INT, 0, 9);
            int value = view.get(JAVA_INT, 0);
            shortLived.close();
            return value;
        }
    }
}
