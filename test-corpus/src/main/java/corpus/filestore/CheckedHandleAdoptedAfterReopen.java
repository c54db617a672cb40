package corpus.filestore;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.CheckedStore;
import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

// run-with: none
/** Under CheckedStore, keep the persistent handle (persistentHandle) across the reopen and adopt it: the new wrapper issues its own handle for it. */
public final class CheckedHandleAdoptedAfterReopen {
    public static long run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus-", ".store");
        try {
            long persistent;
            try (CheckedStore store = new CheckedStore(FileStore.open(file))) {
                long handle = store.allocate(8, 8);
                store.resolve(handle, 8).set(JAVA_LONG, 0, 42);
                persistent = store.persistentHandle(handle);
                store.setRoot(0, persistent);
            }
            try (CheckedStore reopened = new CheckedStore(FileStore.open(file))) {
                long handle = reopened.adopt(reopened.root(0), 8, 8);
                long value = reopened.resolve(handle, 8).get(JAVA_LONG, 0);
                reopened.deallocate(handle, 8, 8);
                return value;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
