package corpus.netty;

import io.netty.buffer.Unpooled;

// netty-example's HelloWorldHttp2Handler: data.release() then data.initialFlowControlledBytes(); Netty does not throw
// run-with: none
/** Safe twin of {@link HolderContentReadAfterRelease}: only the frame's own field is read after release(), as Http2DataFrame.initialFlowControlledBytes(). */
public final class HolderFieldReadAfterRelease {
    public static int run() {
        HolderContentReadAfterRelease.Frame frame = new HolderContentReadAfterRelease.Frame(Unpooled.buffer(4).writeInt(11));
        int first = frame.content().getInt(0);
        frame.release();
        return first + frame.length();
    }
}
