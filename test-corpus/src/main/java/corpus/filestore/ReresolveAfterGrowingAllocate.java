package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A FileStore's handles survive the remap an allocation causes: resolving again after it is safe. */
public final class ReresolveAfterGrowingAllocate {
    public static void run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try (FileStore store = FileStore.open(file)) {
            long handle = store.allocate(16, 8);
            store.resolve(handle, 16).set(JAVA_LONG, 0, 1);
            store.allocate(1 << 20, 8);
            store.resolve(handle, 16).set(JAVA_LONG, 0, 2);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
