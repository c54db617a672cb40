package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** Closing a FileStore unmaps the file: a pointer resolved before is stale, though the handle is still good in the file. */
public final class PointerStaleAfterClose {
    public static void run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            FileStore store = FileStore.open(file);
            long handle = store.allocate(16, 8);
            MemorySegment p = store.resolve(handle, 16);
            store.close();
            // :: error: [pointer.stale]
            p.get(JAVA_LONG, 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
