package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;

// run-with: none
/** Safe twin of {@link ChannelRead0WritesWithAutoReleaseOn}: super(Class, false), reached through this(...), so channelRead0 owns its message. */
public final class ChannelRead0OwnsItsTypedMessageWithoutAutoRelease extends SimpleChannelInboundHandler<ByteBuf> {
    private final int limit;

    public ChannelRead0OwnsItsTypedMessageWithoutAutoRelease() {
        this(16);
    }

    public ChannelRead0OwnsItsTypedMessageWithoutAutoRelease(int limit) {
        super(ByteBuf.class, false);
        this.limit = limit;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        if (msg.readableBytes() > limit) {
            msg.release();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    public static int run() {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelRead0OwnsItsTypedMessageWithoutAutoRelease());
        ByteBuf in = Unpooled.buffer(4);
        in.writeInt(9);
        channel.writeInbound(in);
        ByteBuf passed = channel.readInbound();
        try {
            return passed.readInt();
        } finally {
            passed.release();
            channel.finishAndReleaseAll();
        }
    }
}
