package corpus.contracts;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import dev.stowage.store.Store;

// run-with: ArenaStore
/** A helper declared {@code effect = FREE, handle = "#2"} stales the handle it is given. */
public final class DeclaredFreeEffectStalesHandleArgument {
    @Invalidates("#1")
    public static void run(@Stable @Multiple Store store) {
        long handle = store.allocate(16, 8);
        release(store, handle);
        // :: error: [handle.stale]
        store.resolve(handle, 16);
    }

    @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
    static void release(@Stable @Multiple Store store, long handle) {
        store.deallocate(handle, 16, 8);
    }
}
