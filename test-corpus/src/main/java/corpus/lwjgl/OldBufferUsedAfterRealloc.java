package corpus.lwjgl;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

// not-runnable: the old buffer's memory may have been freed by realloc; reading it is undefined
/** memRealloc moves the buffer into the one it returns: the old one is used afterwards. */
public final class OldBufferUsedAfterRealloc {
    public static int run() {
        IntBuffer ints = MemoryUtil.memAllocInt(2);
        ints.put(0, 5);
        IntBuffer grown = MemoryUtil.memRealloc(ints, 1024);
        // :: error: [use.after.move]
        int first = ints.get(0);
        MemoryUtil.memFree(grown);
        return first;
    }
}
