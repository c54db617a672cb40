package sample;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import java.lang.foreign.MemorySegment;

/** Counts stock in native memory; grows its table when a new item arrives. */
public final class Inventory {

    private Inventory() {}

    /** Records a first count, then makes room for more items. */
    public static long restock(long count) {
        try (ArenaStore store = new ArenaStore()) {
            long table = store.allocate(16, 8);
            MemorySegment counts = store.resolve(table, 16);
            table = store.grow(table, 16, 64, 8);
            counts.set(JAVA_LONG, 0, count);
            return store.resolve(table, 64).get(JAVA_LONG, 0);
        }
    }
}
