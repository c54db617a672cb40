package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
/** A fresh buffer (count 1) read after release(): Netty throws IllegalReferenceCountException. */
public final class BufferReadAfterRelease {
    public static int run() {
        ByteBuf buf = Unpooled.buffer(8);
        buf.writeInt(42);
        buf.release();
        // :: error: [store.closed]
        return buf.readInt();
    }
}
