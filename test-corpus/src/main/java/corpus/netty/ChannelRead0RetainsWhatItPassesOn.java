package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

// not-runnable: a handler class with no run(); ChannelRead0ReleasesItsMessage's twin
/** Safe twin of {@link ChannelRead0ReleasesItsMessage}: it passes the message on with a reference of its own. */
public final class ChannelRead0RetainsWhatItPassesOn extends SimpleChannelInboundHandler<ByteBuf> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        ctx.fireChannelRead(msg.retain());
    }
}
