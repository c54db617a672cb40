package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

// run-with: none
// Resurrected bug, written fresh: the shape of pgjdbc/r2dbc-postgresql#151 (a buffer handed downstream,
// released there, then compacted by its former owner), fixed by commit 22c7c095.
/** fireChannelRead hands the buffer on; compacting it afterwards touches a buffer the next handler released. */
public final class BufferCompactedAfterFireChannelRead {
    public static int run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReleasingConsumer());
        ByteBuf envelope = Unpooled.buffer(8);
        envelope.writeInt(5);
        envelope.writeInt(6);
        envelope.readInt();
        channel.pipeline().fireChannelRead(envelope);
        // :: error: [use.after.move]
        envelope.discardReadBytes();
        return 0;
    }

    /** The next handler: it consumes the message and releases it, as the pipeline's contract lets it. */
    static final class ReleasingConsumer extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
