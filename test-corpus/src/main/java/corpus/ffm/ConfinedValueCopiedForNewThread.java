package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** Safe twin of {@link ConfinedSegmentWrittenByNewThread}: the thread gets a copied value, not the segment. */
public final class ConfinedValueCopiedForNewThread {
    public static void run() throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        int[] seen = new int[1];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = arena.allocate(JAVA_INT);
            slot.set(JAVA_INT, 0, 1);
            int value = slot.get(JAVA_INT, 0);
            Thread worker = new Thread(() -> seen[0] = value);
            worker.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
            worker.start();
            worker.join();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
    }
}
