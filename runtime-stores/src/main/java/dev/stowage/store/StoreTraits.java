package dev.stowage.store;

import dev.stowage.qual.Pinned;
import dev.stowage.qual.Stable;
import java.lang.foreign.MemorySegment;

/**
 * What the collections need to know about a store at run time: whether its type promises
 * {@link Stable} or {@link Pinned} memory (read from the class, as the checker reads the type), and
 * the debug hooks of {@code CheckedStore}.
 *
 * <p>Why it matters: a collection over a {@code @Stable} store may keep the pointer to its own
 * buffer between calls (nothing but its own grow or free can move it); over any other store it must
 * resolve the handle again on every access, because an allocation elsewhere in the store may have
 * moved the buffer.
 */
final class StoreTraits {

    private StoreTraits() {}

    /**
     * True if pointers this store resolved stay valid across allocations of other handles, so a
     * collection may cache the pointer to its own allocation until it grows, shrinks or frees it.
     */
    static boolean isStable(Store store) {
        Class<?> type = store.getClass();
        return type.isAnnotationPresent(Stable.class) || type.isAnnotationPresent(Pinned.class);
    }

    /** True if the store's class is {@code @Pinned}: leaked memory stays valid for good. */
    static boolean isPinned(Store store) {
        return store.getClass().isAnnotationPresent(Pinned.class);
    }

    /**
     * Tells a debug store that the pointers resolved from {@code handle} are stale although the
     * memory did not move (elements were dropped or shifted: an {@code Effect.POINTERS} operation),
     * so that it kills them as the checker would. Other stores do nothing here.
     *
     * @return true if pointers were killed, so the caller must resolve its own pointer again
     */
    static boolean pointersInvalidated(Store store, long handle, long byteSize) {
        // Filled in once CheckedStore offers the hook (see docs/collections.md).
        return false;
    }

    /**
     * True if handles of {@code a} are valid with {@code b}: the same store, or members of one
     * sharing set.
     */
    static boolean shareHandles(SharingStore a, SharingStore b) {
        return a == b; // widened once the sharing stores can tell their set (see docs/collections.md)
    }

    /**
     * The pointer a leaked box keeps for good: the handle resolved, and for a debug store the pointer
     * of the store it wraps, which does not die when the debug store is closed.
     */
    static MemorySegment leak(Store store, long handle, long byteSize) {
        return store.resolve(handle, byteSize);
    }
}
