package corpus.contracts;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import java.lang.foreign.MemorySegment;

// not-runnable: a missing declaration is a static error in the container's method; nothing fails at run time there
/** A container method that pushes to the collection it holds invalidates its receiver, and must declare it. */
public final class UserContainerUndeclaredInvalidation {

    /** A growable list of longs with pointer access to its slots. */
    static final class Samples {
        private final StoreVec values;

        @Invalidates(value = "#1", effect = Effect.ALLOCATE)
        Samples(@Stable @Multiple Store store) {
            this.values = StoreVec.ofLongs(store);
        }

        @Resolves
        MemorySegment slot(long index) {
            return values.get(index);
        }

        void add(long value) {
            // :: error: [invalidates.undeclared]
            values.pushLong(value);
        }
    }
}
