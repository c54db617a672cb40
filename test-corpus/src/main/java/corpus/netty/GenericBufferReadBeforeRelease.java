package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
/** Safe twin of {@link GenericBufferReadAfterRelease}: the type-variable buffer is read, then released. */
public final class GenericBufferReadBeforeRelease {
    static <B extends ByteBuf> int readThenRelease(B buf) {
        int value = buf.getInt(0);
        buf.release();
        return value;
    }

    public static int run() {
        ByteBuf buf = Unpooled.buffer(4);
        buf.writeInt(5);
        return readThenRelease(buf);
    }
}
