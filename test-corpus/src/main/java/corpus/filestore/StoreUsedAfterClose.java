package corpus.filestore;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A closed FileStore is dead: allocating from it is an error (open the file again instead). */
public final class StoreUsedAfterClose {
    public static void run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            FileStore store = FileStore.open(file);
            store.allocate(16, 8);
            store.close();
            // :: error: [store.closed]
            store.allocate(16, 8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
