package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A FileStore (@Multiple, not @Stable): an allocation that grows the file remaps it, so a pointer resolved before is stale. */
public final class PointerStaleAfterGrowingAllocate {
    public static void run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try (FileStore store = FileStore.open(file)) {
            long handle = store.allocate(16, 8);
            MemorySegment p = store.resolve(handle, 16);
            store.allocate(1 << 20, 8); // beyond the mapping: the file grows and is mapped again
            // :: error: [pointer.stale]
            p.set(JAVA_LONG, 0, 1);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
