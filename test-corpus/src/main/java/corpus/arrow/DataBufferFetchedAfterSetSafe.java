package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;

// run-with: none
/** Safe twin of {@link DataBufferReadAfterSetSafeGrew}: the data buffer is fetched again after the growth. */
public final class DataBufferFetchedAfterSetSafe {
    public static int run() {
        try (BufferAllocator allocator = new RootAllocator();
                IntVector ids = new IntVector("ids", allocator)) {
            ids.allocateNew(4);
            ids.set(0, 42);
            for (int i = 1; i < 10_000; i++) {
                ids.setSafe(i, i);
            }
            ArrowBuf data = ids.getDataBuffer();
            return data.getInt(0);
        }
    }
}
