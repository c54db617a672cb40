package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

// run-with: none
/** Safe twin of {@link ArrowBufReadAfterClose}: the buffer is read inside its try-with-resources. */
public final class ArrowBufReadBeforeClose {
    public static long run() {
        try (BufferAllocator allocator = new RootAllocator();
                ArrowBuf scratch = allocator.buffer(16)) {
            scratch.setLong(0, 99L);
            return scratch.getLong(0);
        }
    }
}
