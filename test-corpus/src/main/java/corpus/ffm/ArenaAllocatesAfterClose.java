package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;

// run-with: none
/** An arena used to allocate after it was closed: the JDK refuses with IllegalStateException. */
public final class ArenaAllocatesAfterClose {
    public static long run() {
        Arena arena = Arena.ofShared();
        arena.allocate(JAVA_LONG);
        arena.close();
        // :: error: [store.closed]
        return arena.allocate(JAVA_LONG).byteSize();
    }
}
