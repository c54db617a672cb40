package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// run-with: none
/** A confined arena's segment read by a task on a pool thread: WrongThreadException there. */
public final class ConfinedSegmentReadOnExecutor {
    public static int run() throws Exception {
        try (Arena arena = Arena.ofConfined(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            MemorySegment flag = arena.allocate(JAVA_INT);
            return pool.submit(() ->
                    // :: error: [pointer.thread]
                    flag.get(JAVA_INT, 0)).get();
        }
    }
}
