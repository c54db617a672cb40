package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

// not-runnable: the second release happens inside ByteToMessageDecoder after decode returns, not at the flagged line
// Resurrected bug, written fresh: the shape of netty/netty#12777 (a decode() that released its input
// buffer), which Netty now names at run time since commit db494fd652.
/** A decoder that releases the buffer ByteToMessageDecoder passed in: the base class releases it again. */
public final class DecoderReleasesItsInput extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        out.add(in.readInt());
        // :: error: [ownership.borrowed]
        in.release();
    }
}
