package corpus.lwjgl;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

// run-with: none
/** Safe twin of {@link OldBufferUsedAfterRealloc}: only the buffer memRealloc returned is used. */
public final class ReallocatedBufferUsed {
    public static int run() {
        IntBuffer ints = MemoryUtil.memAllocInt(2);
        ints.put(0, 5);
        IntBuffer grown = MemoryUtil.memRealloc(ints, 1024);
        int first = grown.get(0);
        MemoryUtil.memFree(grown);
        return first;
    }
}
