package demo.ticks;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.GlobalStore;
import dev.stowage.store.StoreBox;
import java.lang.foreign.MemorySegment;

/** Per-process settings of the ticker, kept in native memory for the life of the process. */
public final class TickerRegistry {

    private TickerRegistry() {}

    /** Stores the tick size where native code can read it forever — from the wrong store. */
    public static long publishTickSize(ArenaStore sessionStore, long tickSize) {
        StoreBox box = StoreBox.allocate(sessionStore, JAVA_LONG);
        // BUG: an arena frees its memory when it is closed; a leaked pointer into it dangles then.
        // :: error: [box.leak.unpinned]
        MemorySegment forever = box.leak();
        forever.set(JAVA_LONG, 0, tickSize);
        return forever.get(JAVA_LONG, 0);
    }

    /** The same, done right: only a @Pinned store (GlobalStore) may back a leaked box. */
    public static long publishTickSizeCorrectly(GlobalStore processStore, long tickSize) {
        StoreBox box = StoreBox.allocate(processStore, JAVA_LONG);
        MemorySegment forever = box.leak();
        forever.set(JAVA_LONG, 0, tickSize);
        return forever.get(JAVA_LONG, 0);
    }
}
