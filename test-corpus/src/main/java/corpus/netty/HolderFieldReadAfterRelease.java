package corpus.netty;

import io.netty.buffer.Unpooled;

// run-with: none
/**
 * Safe twin of {@link HolderContentReadAfterRelease}: after release() only the frame's own field is
 * read (netty-example's HelloWorldHttp2Handler reads Http2DataFrame.initialFlowControlledBytes() after
 * data.release()); it does not touch the released content and Netty does not throw.
 */
public final class HolderFieldReadAfterRelease {
    public static int run() {
        HolderContentReadAfterRelease.Frame frame = new HolderContentReadAfterRelease.Frame(Unpooled.buffer(4).writeInt(11));
        int first = frame.content().getInt(0);
        frame.release();
        return first + frame.length();
    }
}
