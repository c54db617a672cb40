package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
/** Safe: retain() took a second reference, so the first release() leaves the buffer alive. */
public final class RetainedBufferReadAfterOneRelease {
    public static int run() {
        ByteBuf buf = Unpooled.buffer(8);
        buf.writeInt(42);
        buf.retain();
        buf.release();
        int value = buf.readInt();
        buf.release();
        return value;
    }
}
