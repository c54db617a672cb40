package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** The safe twin of the close scenarios: the pointer is used, then the store is closed, then reopened for the handle. */
public final class PointerUsedBeforeClose {
    public static void run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            FileStore store = FileStore.open(file);
            long handle = store.allocate(16, 8);
            MemorySegment p = store.resolve(handle, 16);
            p.set(JAVA_LONG, 0, 7);
            store.setRoot(0, handle);
            store.close();
            try (FileStore reopened = FileStore.open(file)) {
                reopened.resolve(reopened.root(0), 16).get(JAVA_LONG, 0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
