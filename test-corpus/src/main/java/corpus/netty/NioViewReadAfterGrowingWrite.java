package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

// not-runnable: a stale NIO view does not throw; NettyStaleViewTest shows it reads the old memory
/** nioBuffer() read after a write that grew the buffer: the view still shows the memory before the growth. */
public final class NioViewReadAfterGrowingWrite {
    public static int run() {
        ByteBuf buf = Unpooled.buffer(4);
        buf.writeInt(1);
        ByteBuffer view = buf.nioBuffer(0, 4);
        buf.writeBytes(new byte[64]);
        buf.setInt(0, 2);
        // :: error: [pointer.stale]
        int seen = view.getInt(0);
        buf.release();
        return seen;
    }
}
