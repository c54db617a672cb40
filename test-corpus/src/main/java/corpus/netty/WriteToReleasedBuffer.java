package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

// run-with: none
// Resurrected bug, written fresh: the shape of netty/netty#6951 (writeCharSequence on a released buffer
// did not even throw), fixed by commit 417dcdec54.
/** Text written into a buffer after its last release(): today's Netty throws IllegalReferenceCountException. */
public final class WriteToReleasedBuffer {
    public static int run() {
        ByteBuf line = Unpooled.buffer(32);
        line.writeByte('>');
        line.release();
        // :: error: [store.closed]
        return line.writeCharSequence("hello", StandardCharsets.US_ASCII);
    }
}
