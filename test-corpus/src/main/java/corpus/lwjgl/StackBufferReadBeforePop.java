package corpus.lwjgl;

import java.nio.FloatBuffer;
import org.lwjgl.system.MemoryStack;

// run-with: none
/** Safe twin of {@link StackBufferReadAfterPop}: the value is read before pop(). */
public final class StackBufferReadBeforePop {
    public static float run() {
        MemoryStack stack = MemoryStack.stackPush();
        FloatBuffer scale = stack.mallocFloat(1);
        scale.put(0, 1.5f);
        float value = scale.get(0);
        stack.pop();
        return value;
    }
}
