package corpus.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

// run-with: none
// Resurrected bug, written fresh: the shape of netty/netty#5999 (a derived slice outlived the reference
// count it shares with its parent), fixed by commit 4bba7526e2.
/** A slice shares its parent's reference count: releasing the parent kills the slice too. */
public final class SliceReadAfterParentReleased {
    public static int run() {
        ByteBuf frame = Unpooled.buffer(16);
        frame.writeInt(7);
        frame.writeInt(9);
        ByteBuf header = frame.slice(0, 4);
        frame.release();
        // :: error: [store.closed]
        return header.getInt(0);
    }
}
