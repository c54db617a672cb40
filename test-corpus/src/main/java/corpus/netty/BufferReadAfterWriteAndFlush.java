package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

// run-with: none
/** writeAndFlush hands the buffer to the channel, which releases it once written: reading it afterwards fails. */
public final class BufferReadAfterWriteAndFlush {
    public static int run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReleasingTransport());
        ByteBuf reply = Unpooled.buffer(4);
        reply.writeInt(200);
        channel.writeAndFlush(reply);
        // :: error: [use.after.move]
        return reply.getInt(0);
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
