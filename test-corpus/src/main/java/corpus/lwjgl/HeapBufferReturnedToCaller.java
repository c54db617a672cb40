package corpus.lwjgl;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

// run-with: none
/** Safe twin of {@link StackBufferReturnedFromFrame}: the buffer comes from memAllocInt and the caller frees it. */
public final class HeapBufferReturnedToCaller {
    static IntBuffer indices(int[] data) {
        IntBuffer buffer = MemoryUtil.memAllocInt(data.length);
        buffer.put(data).flip();
        return buffer;
    }

    public static int run() {
        IntBuffer indices = indices(new int[] {3, 1, 2});
        int first = indices.get(0);
        MemoryUtil.memFree(indices);
        return first;
    }
}
