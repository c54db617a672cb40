package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A FileStore's handles persist: read back from the file's root slot after a reopen, a handle resolves again. */
public final class HandleFromRootAfterReopen {
    public static long run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            try (FileStore store = FileStore.open(file)) {
                long handle = store.allocate(8, 8);
                store.resolve(handle, 8).set(JAVA_LONG, 0, 42);
                store.setRoot(0, handle);
            } // close() syncs: the 42 is in the file
            try (FileStore reopened = FileStore.open(file)) {
                long handle = reopened.root(0);
                return reopened.resolve(handle, 8).get(JAVA_LONG, 0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
