package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;

// run-with: none
/** Safe: a released buffer passed to a null check, which sees an Object and never touches its memory. */
public final class ReleasedBufferOnlyNullChecked {
    public static int run() {
        ByteBuf buf = Unpooled.buffer(4);
        buf.writeInt(3);
        int value = buf.readInt();
        buf.release();
        Objects.requireNonNull(buf, "buf");
        return value;
    }
}
