package corpus.lwjgl;

import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryStack;

// not-runnable: LWJGL does not check frames at run time (the buffer points into a popped frame)
/** A buffer read after an explicit pop() of the frame it was allocated in. */
public final class StackBufferReadAfterPop {
    public static float run() {
        MemoryStack stack = MemoryStack.stackPush();
        FloatBuffer scale = stack.mallocFloat(1);
        scale.put(0, 1.5f);
        stack.pop();
        // :: error: [pointer.stale]
        return scale.get(0);
    }
}
