package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

// run-with: none
/** An ArrowBuf read after close() released it: Arrow's bounds check throws IllegalStateException. */
public final class ArrowBufReadAfterClose {
    public static long run() {
        try (BufferAllocator allocator = new RootAllocator()) {
            ArrowBuf scratch = allocator.buffer(16);
            scratch.setLong(0, 99L);
            scratch.close();
            // :: error: [store.closed]
            return scratch.getLong(0);
        }
    }
}
