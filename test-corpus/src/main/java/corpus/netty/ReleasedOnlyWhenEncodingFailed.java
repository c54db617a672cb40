package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
// run-args: false
/** The success-flag idiom (netty-codec-dns DatagramDnsQueryEncoder): the finally releases only while the flag the try sets last is false, so the read after the try sees a live buffer. */
public final class ReleasedOnlyWhenEncodingFailed {
    public static int run(boolean fail) {
        ByteBuf buf = Unpooled.buffer(8);
        boolean success = false;
        try {
            encode(buf, fail);
            success = true;
        } finally {
            if (!success) {
                buf.release();
            }
        }
        int header = buf.readInt();
        buf.release();
        return header;
    }

    private static void encode(ByteBuf buf, boolean fail) {
        buf.writeInt(7);
        if (fail) {
            throw new IllegalStateException("cannot encode");
        }
    }
}
