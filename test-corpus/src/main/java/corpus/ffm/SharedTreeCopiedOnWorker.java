package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// run-with: none
/** Fixed twin of {@link ConfinedTreeCopiedOnWorker} (as in ffb319e): the structure lives in a shared arena. */
public final class SharedTreeCopiedOnWorker {
    public static long run() throws Exception {
        try (ExecutorService workers = Executors.newFixedThreadPool(1)) {
            Arena treeArena = Arena.ofShared();
            MemorySegment tree = treeArena.allocate(JAVA_LONG, 2);
            try {
                return workers.submit(() -> {
                    long[] copy = tree.toArray(JAVA_LONG);
                    return copy[0];
                }).get();
            } finally {
                treeArena.close();
            }
        }
    }
}
