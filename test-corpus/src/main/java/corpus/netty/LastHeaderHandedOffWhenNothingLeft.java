package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

// run-with: none
/** A do-while on block.isReadable() whose body hands the header off only where block.isReadable() was false (netty-codec-http2 DefaultHttp2FrameWriter.writeContinuationFrames): the loop ends there, so no later iteration uses the header. */
public final class LastHeaderHandedOffWhenNothingLeft {
    public static void run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReleasingTransport());
        ByteBuf block = Unpooled.buffer(16);
        block.writeLong(1).writeLong(2);
        ByteBuf header = null;
        int index = 0;
        do {
            ByteBuf fragment = block.readRetainedSlice(4);
            if (block.isReadable()) {
                if (header == null) {
                    header = Unpooled.buffer(4);
                    header.writeInt(0);
                }
                header.setInt(0, index++);
                channel.write(header.retainedSlice());
            } else {
                if (header != null) {
                    header.release();
                }
                header = Unpooled.buffer(4);
                header.writeInt(-1);
                channel.write(header);
            }
            channel.write(fragment);
        } while (block.isReadable());
        block.release();
    }

    /** Plays the transport: it writes the message out and releases it, as a socket channel does. */
    static final class ReleasingTransport extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
            promise.setSuccess();
        }
    }
}
