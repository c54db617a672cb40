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
/** The twin of {@code DistinctFreshFinalFieldsKeepPointers}: fields that are not final may be pointed at one vector later (here {@code b = a}), so the constructor's fresh objects prove nothing. */
public final class NonFinalFieldsMayBeReassignedToOne {
    static final class Two {
        StoreVec a;
        StoreVec b;

        @Invalidates(value = "#1", effect = Effect.ALLOCATE)
        Two(@Stable @Multiple Store store) {
            this.a = StoreVec.ofLongs(store);
            this.b = StoreVec.ofLongs(store);
        }
    }

    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        Two two = new Two(store);
        two.b = two.a;
        two.a.pushLong(1);
        two.a.shrinkToFit();
        MemorySegment first = two.a.get(0);
        two.b.pushLong(2);
        // :: error: [pointer.stale]
        first.set(JAVA_LONG, 0, 10);
    }
}
