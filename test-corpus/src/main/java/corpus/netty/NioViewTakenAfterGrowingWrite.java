package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

// run-with: none
/** Safe twin of {@link NioViewReadAfterGrowingWrite}: the view is taken after the last growing write. */
public final class NioViewTakenAfterGrowingWrite {
    public static int run() {
        ByteBuf buf = Unpooled.buffer(4);
        buf.writeInt(1);
        buf.writeBytes(new byte[64]);
        buf.setInt(0, 2);
        ByteBuffer view = buf.nioBuffer(0, 4);
        int seen = view.getInt(0);
        buf.release();
        return seen;
    }
}
