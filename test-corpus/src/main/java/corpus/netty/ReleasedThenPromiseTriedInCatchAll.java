package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;

// run-with: none
// run-args: true
/** A release, then trySuccess() (which never throws), in a try whose catch (Throwable) releases again (netty-codec-http2 Http2ConnectionHandler.goAway): the catch never follows the release. */
public final class ReleasedThenPromiseTriedInCatchAll {
    public static boolean run(boolean alreadyDone) {
        ChannelPromise promise = new EmbeddedChannel().newPromise();
        if (alreadyDone) {
            promise.setSuccess();
        }
        ByteBuf debugData = Unpooled.buffer(8);
        try {
            debugData.writeInt(1);
            debugData.release();
            promise.trySuccess();
            return true;
        } catch (Throwable cause) {
            debugData.release();
            promise.tryFailure(cause);
            return false;
        }
    }
}
