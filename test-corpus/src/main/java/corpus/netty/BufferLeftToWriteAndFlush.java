package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.channel.ChannelFuture;

// run-with: none
/** Safe twin of {@link BufferReleasedAfterWriteAndFlush}: the channel releases the buffer; the caller does not. */
public final class BufferLeftToWriteAndFlush {
    public static boolean run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReleasingTransport());
        ByteBuf payload = Unpooled.buffer(4);
        payload.writeInt(1);
        ChannelFuture sent = channel.writeAndFlush(payload);
        return sent.isSuccess();
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
