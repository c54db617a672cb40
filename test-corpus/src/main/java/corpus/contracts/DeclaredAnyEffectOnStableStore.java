package corpus.contracts;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;
import java.lang.foreign.MemorySegment;

// not-runnable: the helper only allocates, so the contract is wider than what happens at run time; the checker trusts the contract
/** A helper declared with the default effect ({@code ANY}) stales every pointer, even on a @Stable store. */
public final class DeclaredAnyEffectOnStableStore {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long handle = store.allocate(16, 8);
        MemorySegment p = store.resolve(handle, 16);
        addScratch(store);
        // :: error: [pointer.stale]
        p.set(JAVA_LONG, 0, 1);
    }

    @Invalidates("#1")
    static void addScratch(@Stable @Multiple Store store) {
        store.allocate(64, 8);
    }
}
