package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

// run-with: none
/** Safe twin of {@link WriteToReleasedBuffer}: all writes happen before the last release(). */
public final class WriteBeforeLastRelease {
    public static int run() {
        ByteBuf line = Unpooled.buffer(32);
        line.writeByte('>');
        int written = line.writeCharSequence("hello", StandardCharsets.US_ASCII);
        line.release();
        return written;
    }
}
