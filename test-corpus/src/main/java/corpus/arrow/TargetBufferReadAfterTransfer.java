package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.util.TransferPair;

// run-with: none
/** Safe twin of {@link SourceBufferReadAfterTransfer}: after the transfer the target's buffer is read. */
public final class TargetBufferReadAfterTransfer {
    public static int run() {
        try (BufferAllocator allocator = new RootAllocator();
                IntVector source = new IntVector("source", allocator);
                IntVector target = new IntVector("target", allocator)) {
            source.allocateNew(4);
            source.set(0, 42);
            TransferPair pair = source.makeTransferPair(target);
            pair.transfer();
            ArrowBuf data = target.getDataBuffer();
            return data.getInt(0);
        }
    }
}
