package corpus.filestore;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A closed FileStore is dead: resolving through it is an error, even with a handle that is still valid in the file. */
public final class StoreUsedAfterClose {
    public static void run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            FileStore store = FileStore.open(file);
            long handle = store.allocate(16, 8);
            store.close();
            // :: error: [store.closed]
            store.resolve(handle, 16);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
