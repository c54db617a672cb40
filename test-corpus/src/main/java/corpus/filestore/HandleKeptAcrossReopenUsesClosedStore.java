package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** The handle persists, but it must be used with the reopened store: the closed one is store.closed (the twin of HandleKeptAcrossReopen). */
public final class HandleKeptAcrossReopenUsesClosedStore {
    public static long run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            long handle;
            FileStore store = FileStore.open(file);
            handle = store.allocate(8, 8);
            store.resolve(handle, 8).set(JAVA_LONG, 0, 42);
            store.close();
            try (FileStore reopened = FileStore.open(file)) {
                // :: error: [store.closed]
                return store.resolve(handle, 8).get(JAVA_LONG, 0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
