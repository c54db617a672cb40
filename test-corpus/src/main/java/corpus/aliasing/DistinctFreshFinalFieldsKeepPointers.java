package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** Two final fields that the constructor fills with vectors it creates are two objects: a push on one (which may reallocate it) keeps pointers into the other, on a {@code @Stable} store. */
public final class DistinctFreshFinalFieldsKeepPointers {
    static final class Two {
        final StoreVec a;
        final StoreVec b;

        @Invalidates(value = "#1", effect = Effect.ALLOCATE)
        Two(@Stable @Multiple Store store) {
            this.a = StoreVec.ofLongs(store);
            this.b = StoreVec.ofLongs(store);
        }
    }

    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        Two two = new Two(store);
        two.a.pushLong(1);
        two.a.shrinkToFit();
        MemorySegment first = two.a.get(0);
        two.b.pushLong(2);
        first.set(JAVA_LONG, 0, 10);
    }
}
