package sample.app;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.store.ArenaStore;
import java.lang.foreign.MemorySegment;
import sample.core.Tables;

/** Uses the core module's table sizes; writes through a pointer after the table grew. */
public final class Restock {

    private Restock() {}

    public static long restock(long count) {
        try (ArenaStore store = new ArenaStore()) {
            long table = store.allocate(Tables.FIRST_BYTES, 8);
            MemorySegment counts = store.resolve(table, Tables.FIRST_BYTES);
            table = store.grow(table, Tables.FIRST_BYTES, 64, 8);
            counts.set(JAVA_LONG, 0, count);
            return store.resolve(table, 64).get(JAVA_LONG, 0);
        }
    }
}
