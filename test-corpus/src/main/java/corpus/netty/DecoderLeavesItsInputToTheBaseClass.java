package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

// not-runnable: a decoder class with no run(); DecoderReleasesItsInput's twin
/** Safe twin of {@link DecoderReleasesItsInput}: it hands on a retained slice and releases nothing it borrowed. */
public final class DecoderLeavesItsInputToTheBaseClass extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        out.add(in.readRetainedSlice(4));
    }
}
