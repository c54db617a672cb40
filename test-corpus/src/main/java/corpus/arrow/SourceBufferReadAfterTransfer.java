package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.util.TransferPair;

// run-with: none
/** A transfer moves the source's buffers to the target: the source's old view aliases them and dies with the target. */
public final class SourceBufferReadAfterTransfer {
    public static int run() {
        try (BufferAllocator allocator = new RootAllocator();
                IntVector source = new IntVector("source", allocator)) {
            source.allocateNew(4);
            source.set(0, 42);
            ArrowBuf data = source.getDataBuffer();
            IntVector target = new IntVector("target", allocator);
            TransferPair pair = source.makeTransferPair(target);
            pair.transfer();
            target.close();
            // :: error: [pointer.stale]
            return data.getInt(0);
        }
    }
}
