package corpus.lwjgl;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryStack;

// not-runnable: LWJGL does not check frames at run time (the returned buffer points into a popped frame)
// Resurrected bug, written fresh: the shape of LWJGL/lwjgl3#387 (a stack buffer returned out of its
// try-with-resources frame); the maintainers' fix in that thread: allocate it with MemoryUtil instead.
/** A buffer allocated in a stack frame is returned from inside the frame's try-with-resources. */
public final class StackBufferReturnedFromFrame {
    static IntBuffer indices(int[] data) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer buffer = stack.mallocInt(data.length);
            buffer.put(data).flip();
            // :: error: [pointer.escape]
            return buffer;
        }
    }
}
