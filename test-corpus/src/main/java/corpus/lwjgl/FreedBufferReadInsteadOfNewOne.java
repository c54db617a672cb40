package corpus.lwjgl;

import static org.lwjgl.system.MemoryUtil.memAllocLong;
import static org.lwjgl.system.MemoryUtil.memFree;

import java.nio.LongBuffer;

// not-runnable: reading freed native memory is undefined (it may return anything or crash the JVM)
// Resurrected bug, written fresh: the shape of the LWJGL Vulkan demos' bug reported in LWJGL/lwjgl3#238
// (a memFree'd buffer read instead of the newly allocated one), fixed by LWJGL/lwjgl3-demos commit ae5added.
/** memFree(p) then p.get(0): the second result is read from the buffer freed a moment ago. */
public final class FreedBufferReadInsteadOfNewOne {
    public static long run() {
        LongBuffer pImage = memAllocLong(1);
        pImage.put(0, 11L);
        long image = pImage.get(0);
        memFree(pImage);
        LongBuffer pMemory = memAllocLong(1);
        pMemory.put(0, 22L);
        // :: error: [store.closed]
        long memory = pImage.get(0);
        memFree(pMemory);
        return image + memory;
    }
}
