package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// run-with: none
/** Safe twin of {@link ConfinedSegmentReadOnExecutor}: a shared arena's segments may be read by any thread. */
public final class SharedSegmentReadOnExecutor {
    public static int run() throws Exception {
        try (Arena arena = Arena.ofShared(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            MemorySegment flag = arena.allocate(JAVA_INT);
            return pool.submit(() ->
                    flag.get(JAVA_INT, 0)).get();
        }
    }
}
