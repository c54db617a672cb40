package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

// not-runnable: the second release happens inside SimpleChannelInboundHandler after channelRead0 returns
/** SimpleChannelInboundHandler releases the message after channelRead0: releasing it there too is a double release. */
public final class ChannelRead0ReleasesItsMessage extends SimpleChannelInboundHandler<ByteBuf> {
    long total;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        total += msg.readableBytes();
        // :: error: [ownership.borrowed]
        msg.release();
    }
}
