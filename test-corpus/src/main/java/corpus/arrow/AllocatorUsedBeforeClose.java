package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

// run-with: none
/** Safe twin of {@link AllocatorUsedAfterClose}: the buffer is allocated and closed while the allocator is open. */
public final class AllocatorUsedBeforeClose {
    public static long run() {
        BufferAllocator allocator = new RootAllocator();
        long capacity;
        try (ArrowBuf early = allocator.buffer(8)) {
            capacity = early.capacity();
        }
        allocator.close();
        return capacity;
    }
}
