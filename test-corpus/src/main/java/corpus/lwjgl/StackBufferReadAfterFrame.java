package corpus.lwjgl;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryStack;

// not-runnable: LWJGL does not check frames at run time; LwjglStaleFrameTest shows the next frame's value shows through
/** A stack buffer read after its frame's try-with-resources: the next frame has reused its memory. */
public final class StackBufferReadAfterFrame {
    public static int run() {
        IntBuffer count;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            count = stack.mallocInt(1);
            count.put(0, 42);
        }
        try (MemoryStack next = MemoryStack.stackPush()) {
            IntBuffer other = next.mallocInt(1);
            other.put(0, 7);
        }
        // :: error: [pointer.stale]
        return count.get(0);
    }
}
