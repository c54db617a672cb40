package corpus.lwjgl;

import static org.lwjgl.system.MemoryUtil.memAllocLong;
import static org.lwjgl.system.MemoryUtil.memFree;

import java.nio.LongBuffer;

// run-with: none
/** Safe twin of {@link FreedBufferReadInsteadOfNewOne}: each result is read from its own live buffer. */
public final class NewBufferReadAfterOldOneFreed {
    public static long run() {
        LongBuffer pImage = memAllocLong(1);
        pImage.put(0, 11L);
        long image = pImage.get(0);
        memFree(pImage);
        LongBuffer pMemory = memAllocLong(1);
        pMemory.put(0, 22L);
        long memory = pMemory.get(0);
        memFree(pMemory);
        return image + memory;
    }
}
