package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;

// run-with: none
/** A ByteBufHolder's content read after its release(): DefaultByteBufHolder.content() throws IllegalReferenceCountException. */
public final class HolderContentReadAfterRelease {
    /** A frame with a field of its own next to its content, as an HTTP/2 data frame's flow-controlled byte count. */
    static final class Frame extends DefaultByteBufHolder {
        private final int length;

        Frame(ByteBuf content) {
            super(content);
            this.length = content.readableBytes();
        }

        int length() {
            return length;
        }
    }

    public static int run() {
        Frame frame = new Frame(Unpooled.buffer(4).writeInt(11));
        frame.release();
        // :: error: [store.closed]
        return frame.content().readInt();
    }
}
