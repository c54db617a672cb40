package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;

// netty-example's UDT echo handlers; run() reads the echoed buffer, which autoRelease would have released
// run-with: none
/** Safe twin of {@link ChannelRead0WritesWithAutoReleaseOn}: super(false) turns autoRelease off, so channelRead0 owns the message it writes back. */
public final class ChannelRead0OwnsItsMessageWithoutAutoRelease extends SimpleChannelInboundHandler<ByteBuf> {
    public ChannelRead0OwnsItsMessageWithoutAutoRelease() {
        super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        ctx.writeAndFlush(msg);
    }

    public static int run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelRead0OwnsItsMessageWithoutAutoRelease());
        ByteBuf in = Unpooled.buffer(4);
        in.writeInt(7);
        channel.writeInbound(in);
        ByteBuf echoed = channel.readOutbound();
        try {
            return echoed.readInt();
        } finally {
            echoed.release();
            channel.finishAndReleaseAll();
        }
    }
}
