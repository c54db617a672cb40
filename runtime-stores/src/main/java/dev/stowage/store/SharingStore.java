package dev.stowage.store;

import dev.stowage.qual.SharedStore;

/**
 * A store that can be shared: {@link #share()} makes another member of the same sharing set.
 * Handles issued by any member are valid with every member, and the memory is freed when the last
 * member is closed.
 *
 * <pre>{@code
 * SharingStore first = new SharedArenaStore();
 * SharingStore second = first.share();
 * long h = first.allocate(8, 8);
 * first.close();                           // the memory lives on: second is still open
 * second.resolve(h, 8).set(JAVA_LONG, 0, 1);
 * second.close();                          // now it is freed
 * }</pre>
 */
public interface SharingStore extends Store {

    /** A new member of this store's sharing set; it must be closed like any store. */
    @SharedStore SharingStore share();

    /**
     * True if {@code other} is a member of this store's sharing set (this store itself included), so
     * that handles of either are valid with both. Collections that move allocations between
     * instances ({@code StoreList.append}) ask this before they do.
     *
     * <p>The default knows only that a store shares with itself; implementations override it.
     */
    default boolean sharesWith(SharingStore other) {
        return other == this;
    }
}
