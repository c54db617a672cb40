package corpus.lwjgl;

import java.nio.IntBuffer;
import org.lwjgl.system.MemoryStack;

// run-with: none
/** Safe twin of {@link StackBufferReadAfterFrame}: the value leaves the frame, the buffer does not. */
public final class StackBufferReadInsideFrame {
    public static int run() {
        int value;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            count.put(0, 42);
            value = count.get(0);
        }
        return value;
    }
}
