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
// Resurrected bug, written fresh: the shape of reactor/reactor-netty#3406 (a buffer released again after
// writeAndFlush, which releases it on success and on error), fixed by commit 6b6964648.
/** The caller releases a buffer that writeAndFlush already took over: a double release. */
public final class BufferReleasedAfterWriteAndFlush {
    public static boolean run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReleasingTransport());
        ByteBuf payload = Unpooled.buffer(4);
        payload.writeInt(1);
        ChannelFuture sent = channel.writeAndFlush(payload);
        if (!sent.isSuccess()) {
            return false;
        }
        // :: error: [use.after.move]
        return payload.release();
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
