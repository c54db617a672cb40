package dev.stowage.store;

import java.lang.foreign.MemorySegment;

/**
 * What the collections need to know about a store at run time: its guarantees (read by
 * {@link Guarantees#of} from the class's qualifier annotations, as the checker reads the type; for a
 * {@link CheckedStore}, those of the store it wraps), and the debug hooks of {@code CheckedStore}.
 *
 * <p>Why it matters: a collection over a {@code @Stable} store may keep the pointer to its own
 * buffer between calls (nothing but its own grow or free can move it); over any other store it must
 * resolve the handle again on every access, because an allocation elsewhere in the store may have
 * moved the buffer. A collection over a store that is not {@code @Multiple} may hold only one
 * allocation at a time.
 */
final class StoreTraits {

    private StoreTraits() {}

    /**
     * True if pointers this store resolved stay valid across allocations of other handles, so a
     * collection may cache the pointer to its own allocation until it grows, shrinks or frees it.
     */
    static boolean isStable(Store store) {
        return Guarantees.of(store).stable();
    }

    /**
     * True if allocating in this store never invalidates its other handles, so a collection may hold
     * two allocations at once (a new table while the old one is copied, several list nodes).
     */
    static boolean isMultiple(Store store) {
        return Guarantees.of(store).multiple();
    }

    /** True if the store is {@code @Pinned}: leaked memory stays valid for good. */
    static boolean isPinned(Store store) {
        return Guarantees.of(store).pinned();
    }

    /**
     * Tells a debug store that the pointers resolved from {@code handle} are stale although the
     * memory did not move (elements were dropped or shifted: an {@code Effect.POINTERS} operation),
     * so that it kills them as the checker would. Other stores do nothing here.
     *
     * @return true if pointers were killed, so the caller must resolve its own pointer again
     */
    static boolean pointersInvalidated(Store store, long handle, long byteSize) {
        if (store instanceof CheckedStore checked) {
            checked.invalidatePointers(handle);
            return true;
        }
        return false;
    }

    /**
     * The store as a member of a sharing set, or null: a {@link SharingStore} whose guarantees
     * include {@code @SharedStore} (a {@code CheckedStore} is a {@code SharingStore} whatever it wraps,
     * but shares only when the store it wraps does).
     */
    static SharingStore asShared(Store store) {
        return store instanceof SharingStore sharing && Guarantees.of(store).shared() ? sharing : null;
    }

    /**
     * True if handles of {@code a} are valid with {@code b}: the same store, or members of one
     * sharing set.
     */
    static boolean shareHandles(SharingStore a, SharingStore b) {
        return a == b || a.sharesWith(b);
    }

    /**
     * The pointer a leaked box keeps: the handle resolved. Through a {@code CheckedStore} that is a
     * checked pointer, which dies when the checked store is closed, and the allocation stays listed
     * by {@link CheckedStore#outstanding()}: the debug store shows the leak for what it is.
     */
    static MemorySegment leak(Store store, long handle, long byteSize) {
        return store.resolve(handle, byteSize);
    }
}
