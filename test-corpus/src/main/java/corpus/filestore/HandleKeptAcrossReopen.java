package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A FileStore's handle kept in a local across close() resolves with the store reopened on the same file (a persistent handle). */
public final class HandleKeptAcrossReopen {
    public static long run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            long handle;
            try (FileStore store = FileStore.open(file)) {
                handle = store.allocate(8, 8);
                store.resolve(handle, 8).set(JAVA_LONG, 0, 42);
            } // close() syncs; the handle stays valid in the file
            try (FileStore reopened = FileStore.open(file)) {
                return reopened.resolve(handle, 8).get(JAVA_LONG, 0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
