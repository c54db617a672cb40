package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A persistent handle survives close(), but not a free: freed before the close, it is stale with the reopened store too. */
public final class FreedHandleKeptAcrossReopen {
    public static long run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            long handle;
            try (FileStore store = FileStore.open(file)) {
                handle = store.allocate(8, 8);
                store.resolve(handle, 8).set(JAVA_LONG, 0, 42);
                store.deallocate(handle, 8, 8);
            }
            try (FileStore reopened = FileStore.open(file)) {
                // :: error: [handle.stale]
                return reopened.resolve(handle, 8).get(JAVA_LONG, 0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
