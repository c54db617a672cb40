package corpus.aliasing;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// run-with: ArenaStore
/** The twin of {@code DistinctFreshFinalFieldsKeepPointers}: final fields filled from constructor parameters may hold one vector (here they do), so a push through one stales pointers read through the other. */
public final class FieldsFromConstructorParametersMayBeOne {
    static final class Two {
        final StoreVec a;
        final StoreVec b;

        Two(StoreVec a, StoreVec b) {
            this.a = a;
            this.b = b;
        }
    }

    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        StoreVec vec = StoreVec.ofLongs(store);
        Two two = new Two(vec, vec);
        two.a.pushLong(1);
        two.a.shrinkToFit();
        MemorySegment first = two.a.get(0);
        two.b.pushLong(2);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
