package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
// run-args: false
/** Buggy twin of {@link ReleasedOnlyWhenEncodingFailed}: the finally tests the flag the wrong way round, so the read after the try sees a released buffer. */
public final class ReleasedWhenEncodingSucceeded {
    public static int run(boolean fail) {
        ByteBuf buf = Unpooled.buffer(8);
        boolean success = false;
        try {
            encode(buf, fail);
            success = true;
        } finally {
            if (success) {
                buf.release();
            }
        }
        // :: error: [store.closed]
        return buf.readInt();
    }

    private static void encode(ByteBuf buf, boolean fail) {
        buf.writeInt(7);
        if (fail) {
            throw new IllegalStateException("cannot encode");
        }
    }
}
