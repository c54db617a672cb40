package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

// run-with: none
/** Safe twin of {@link BufferCompactedAfterFireChannelRead}: retain() before handing on, release() when done. */
public final class BufferRetainedAcrossFireChannelRead {
    public static int run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReleasingConsumer());
        ByteBuf envelope = Unpooled.buffer(8);
        envelope.writeInt(5);
        envelope.writeInt(6);
        envelope.readInt();
        envelope.retain();
        try {
            channel.pipeline().fireChannelRead(envelope);
            envelope.discardReadBytes();
            return envelope.readableBytes();
        } finally {
            envelope.release();
        }
    }

    /** The next handler: it consumes the message and releases it, as the pipeline's contract lets it. */
    static final class ReleasingConsumer extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
