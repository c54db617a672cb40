package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;

// run-with: none
/** Safe twin of {@link ArenaAllocatesAfterClose}: both allocations happen while the arena is open. */
public final class ArenaAllocatesBeforeClose {
    public static long run() {
        Arena arena = Arena.ofShared();
        arena.allocate(JAVA_LONG);
        long size = arena.allocate(JAVA_LONG).byteSize();
        arena.close();
        return size;
    }
}
