package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;

/**
 * A store that can relocate its memory on request. Handles survive {@link #compact()}; pointers
 * die unless the store is {@code @Pinned} (the invalidation table, relocation).
 *
 * <pre>{@code
 * GrowableStore store = new GrowableStore();
 * long h = store.allocate(8, 8);
 * store.compact();                      // pointers resolved before are stale
 * MemorySegment p = store.resolve(h, 8); // the handle still works
 * }</pre>
 */
public interface CompactingStore extends Store {

    /** Relocates the store's memory (for example to give unused capacity back). */
    @Invalidates(effect = Effect.RELOCATE)
    void compact();
}
