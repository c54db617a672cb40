package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;

// run-with: none
/** getDataBuffer() kept across setSafe calls that reallocate: Arrow has released the old buffer. */
public final class DataBufferReadAfterSetSafeGrew {
    public static int run() {
        try (BufferAllocator allocator = new RootAllocator();
                IntVector ids = new IntVector("ids", allocator)) {
            ids.allocateNew(4);
            ids.set(0, 42);
            ArrowBuf data = ids.getDataBuffer();
            for (int i = 1; i < 10_000; i++) {
                ids.setSafe(i, i);
            }
            // :: error: [pointer.stale]
            return data.getInt(0);
        }
    }
}
