package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

// run-with: none
/** Safe twin of {@link BufferReadAfterWriteAndFlush}: retain() before handing off keeps a reference of our own. */
public final class BufferRetainedBeforeWriteAndFlush {
    public static int run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReleasingTransport());
        ByteBuf reply = Unpooled.buffer(4);
        reply.writeInt(200);
        reply.retain();
        channel.writeAndFlush(reply);
        int status = reply.getInt(0);
        reply.release();
        return status;
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
