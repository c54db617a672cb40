package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
/** Safe: after a ByteBuf message is released, the variable is only read as a type without a reference count. */
public final class MessageVariableReusedAcrossTypes {
    public static int run() {
        Object message = Unpooled.buffer(4);
        int length = 0;
        if (message instanceof ByteBuf) {
            ((ByteBuf) message).release();
        }
        if (message instanceof CharSequence) {
            length = ((CharSequence) message).length();
        }
        return length;
    }
}
