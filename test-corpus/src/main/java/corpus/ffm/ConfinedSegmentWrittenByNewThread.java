package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

// run-with: none
/** A confined arena's segment written by a new thread; the failure on that thread is rethrown here. */
public final class ConfinedSegmentWrittenByNewThread {
    public static void run() throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slot = arena.allocate(JAVA_INT);
            Runnable writer = () ->
                    // :: error: [pointer.thread]
                    slot.set(JAVA_INT, 0, 1);
            Thread worker = new Thread(writer);
            worker.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
            worker.start();
            worker.join();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
    }
}
