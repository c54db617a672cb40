package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
/** Safe twin of {@link SliceReadAfterParentReleased}: retainedSlice() owns a reference of its own. */
public final class RetainedSliceOutlivesParentRelease {
    public static int run() {
        ByteBuf frame = Unpooled.buffer(16);
        frame.writeInt(7);
        frame.writeInt(9);
        ByteBuf header = frame.retainedSlice(0, 4);
        frame.release();
        int value = header.getInt(0);
        header.release();
        return value;
    }
}
