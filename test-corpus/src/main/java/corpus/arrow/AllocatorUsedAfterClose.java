package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

// run-with: none
/** An allocator asked for a buffer after close(): Arrow refuses with IllegalStateException. */
public final class AllocatorUsedAfterClose {
    public static long run() {
        BufferAllocator allocator = new RootAllocator();
        allocator.close();
        // :: error: [store.closed]
        ArrowBuf late = allocator.buffer(8);
        return late.capacity();
    }
}
