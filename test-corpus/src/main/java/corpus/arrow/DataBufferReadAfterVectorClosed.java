package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;

// run-with: none
// Resurrected bug, written fresh: the shape of apache/arrow-java#1142 (buffers read after the vector
// that owned them was closed), fixed by commit c706c5bb2 (transfer the buffers before closing).
/** A vector's data buffer read after the vector was closed. */
public final class DataBufferReadAfterVectorClosed {
    public static int run() {
        try (BufferAllocator allocator = new RootAllocator()) {
            IntVector ids = new IntVector("ids", allocator);
            ids.allocateNew(4);
            ids.set(0, 42);
            ArrowBuf data = ids.getDataBuffer();
            ids.close();
            // :: error: [pointer.stale]
            return data.getInt(0);
        }
    }
}
