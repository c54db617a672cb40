package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;

// run-with: none
/**
 * Safe twin of {@link ChannelRead0WritesWithAutoReleaseOn}: the echo handler calls super(false), so
 * SimpleChannelInboundHandler does not release the message and channelRead0 owns it; writing it
 * back hands that reference on (netty-example's UDT echo handlers). run() reads the echoed buffer:
 * with autoRelease on it would have been released already and reading it would throw.
 */
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
