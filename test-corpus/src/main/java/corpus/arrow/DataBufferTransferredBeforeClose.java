package corpus.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.util.TransferPair;

// run-with: none
/** Safe twin of {@link DataBufferReadAfterVectorClosed}: the buffers move to a vector that stays open. */
public final class DataBufferTransferredBeforeClose {
    public static int run() {
        try (BufferAllocator allocator = new RootAllocator();
                IntVector kept = new IntVector("kept", allocator)) {
            IntVector ids = new IntVector("ids", allocator);
            ids.allocateNew(4);
            ids.set(0, 42);
            TransferPair pair = ids.makeTransferPair(kept);
            pair.transfer();
            ids.close();
            ArrowBuf data = kept.getDataBuffer();
            return data.getInt(0);
        }
    }
}
