package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
/** Safe twin of {@link BufferReadAfterRelease}: the value is read out before the last release(). */
public final class BufferReadBeforeRelease {
    public static int run() {
        ByteBuf buf = Unpooled.buffer(8);
        buf.writeInt(42);
        int value = buf.readInt();
        buf.release();
        return value;
    }
}
