package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.CheckedStore;
import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** A FileStore's handles persist, but a CheckedStore's handles are its own: one kept across a reopen is foreign to the new wrapper (keep persistentHandle(h) and adopt it: CheckedHandleAdoptedAfterReopen). */
public final class CheckedHandleAfterReopenIsForeign {
    public static long run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            long handle;
            try (CheckedStore store = new CheckedStore(FileStore.open(file))) {
                handle = store.allocate(8, 8);
                store.resolve(handle, 8).set(JAVA_LONG, 0, 42);
            }
            try (CheckedStore reopened = new CheckedStore(FileStore.open(file))) {
                // :: error: [handle.foreign]
                return reopened.resolve(handle, 8).get(JAVA_LONG, 0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
