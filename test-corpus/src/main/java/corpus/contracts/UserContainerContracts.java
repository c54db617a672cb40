package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** A user's own container declares its contracts like the library's: a pointer from {@code slot} is stale after {@code add}. */
public final class UserContainerContracts {

    /** A growable list of longs with pointer access to its slots. */
    static final class Samples implements AutoCloseable {
        private final StoreVec values;

        @Invalidates(value = "#1", effect = Effect.ALLOCATE)
        Samples(@Stable @Multiple Store store) {
            this.values = StoreVec.ofLongs(store);
        }

        @Resolves
        MemorySegment slot(long index) {
            return values.get(index);
        }

        @Invalidates(effect = Effect.RELOCATE)
        void add(long value) {
            values.pushLong(value);
        }

        @Override
        @Invalidates(effect = Effect.CLOSE)
        public void close() {
            values.close();
        }
    }

    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        try (Samples samples = new Samples(store)) {
            for (long i = 0; i < 4; i++) {
                samples.add(i); // fills the first buffer of four
            }
            MemorySegment last = samples.slot(3);
            samples.add(4);
            // :: error: [pointer.stale]
            last.set(JAVA_LONG, 0, 30);
        }
    }
}
