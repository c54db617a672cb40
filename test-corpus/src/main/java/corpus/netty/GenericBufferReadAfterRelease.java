package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
/** A buffer typed by a type variable (B extends ByteBuf) is still reference counted: read after release() fails. */
public final class GenericBufferReadAfterRelease {
    static <B extends ByteBuf> int readAfterRelease(B buf) {
        buf.release();
        // :: error: [store.closed]
        return buf.getInt(0);
    }

    public static int run() {
        ByteBuf buf = Unpooled.buffer(4);
        buf.writeInt(5);
        return readAfterRelease(buf);
    }
}
