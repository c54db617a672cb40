package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

// not-runnable: the base class releases the written message after channelRead0 returns; the failure comes where the transport reads it
/** SimpleChannelInboundHandler(Class, true) still releases the message after channelRead0: writing it there without retain() hands away a borrowed reference. */
public final class ChannelRead0WritesWithAutoReleaseOn extends SimpleChannelInboundHandler<ByteBuf> {
    public ChannelRead0WritesWithAutoReleaseOn() {
        super(ByteBuf.class, true);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        // :: error: [ownership.borrowed]
        ctx.writeAndFlush(msg);
    }
}
