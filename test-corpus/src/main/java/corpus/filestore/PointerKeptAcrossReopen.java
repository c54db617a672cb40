package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** The handle persists across close() but the pointer does not: it was a view of the old mapping, stale after a reopen (resolve the handle again: HandleKeptAcrossReopen). */
public final class PointerKeptAcrossReopen {
    public static long run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            MemorySegment p;
            try (FileStore store = FileStore.open(file)) {
                long handle = store.allocate(8, 8);
                p = store.resolve(handle, 8);
                p.set(JAVA_LONG, 0, 42);
            }
            try (FileStore reopened = FileStore.open(file)) {
                // :: error: [pointer.stale]
                return p.get(JAVA_LONG, 0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
