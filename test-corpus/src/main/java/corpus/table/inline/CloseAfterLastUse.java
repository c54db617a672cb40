package corpus.table.inline;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// run-with: InlineStore
/** InlineStore (no guarantees): the store is closed after its last use: nothing stale is used. */
public final class CloseAfterLastUse {
    public static void run(Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        p.set(JAVA_LONG, 0, 1);
        store.close();
    }
}
