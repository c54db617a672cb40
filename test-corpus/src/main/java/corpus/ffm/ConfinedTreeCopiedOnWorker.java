package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// run-with: none
// Resurrected bug, written fresh: the shape of tree-sitter/java-tree-sitter#44, fixed by commit ffb319e.
/** A native structure kept in a confined arena is copied by a task that runs on a pool thread. */
public final class ConfinedTreeCopiedOnWorker {
    public static long run() throws Exception {
        try (ExecutorService workers = Executors.newFixedThreadPool(1)) {
            Arena treeArena = Arena.ofConfined();
            MemorySegment tree = treeArena.allocate(JAVA_LONG, 2);
            try {
                return workers.submit(() -> {
                    // :: error: [pointer.thread]
                    long[] copy = tree.toArray(JAVA_LONG);
                    return copy[0];
                }).get();
            } finally {
                treeArena.close();
            }
        }
    }
}
