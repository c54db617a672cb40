package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;

// run-with: none
// run-args: true
/** Buggy twin of {@link ReleasedThenPromiseTriedInCatchAll}: setSuccess() throws on a promise already done, so the catch (Throwable) releases the buffer again. */
public final class ReleasedThenPromiseSetInCatchAll {
    public static boolean run(boolean alreadyDone) {
        ChannelPromise promise = new EmbeddedChannel().newPromise();
        if (alreadyDone) {
            promise.setSuccess();
        }
        ByteBuf debugData = Unpooled.buffer(8);
        try {
            debugData.writeInt(1);
            debugData.release();
            promise.setSuccess();
            return true;
        } catch (Throwable cause) {
            // :: error: [store.closed]
            debugData.release();
            promise.tryFailure(cause);
            return false;
        }
    }
}
