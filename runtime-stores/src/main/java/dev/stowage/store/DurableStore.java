package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import java.lang.foreign.MemorySegment;

/**
 * A store whose allocations outlive the process ({@link FileStore}), and the operations that only
 * such a store has: making bytes durable, root slots to find data again after a restart, durable
 * single and bulk steps, and the conversion between the handles a store hands out and the
 * <em>persistent handles</em> a file keeps. {@link CheckedStore} implements it too, forwarding each
 * operation to the durable store it wraps with its checks, so code written against this interface
 * runs unchanged over {@code FileStore} and {@code CheckedStore(FileStore)}.
 *
 * <p>A root slot holds a plain {@code long} (a size, a count, or a persistent handle); it is never
 * translated. To keep a handle across a restart, store {@link #persistentHandle} of it, and after
 * the restart turn the slot's value back into a handle of this store with {@link #adopt}. Over a
 * {@code FileStore} both are the identity (its handles are persistent); over a {@code CheckedStore}
 * they convert between its checked handles and the wrapped store's.
 *
 * <pre>{@code
 * try (DurableStore store = new CheckedStore(FileStore.open(path))) {
 *     long h = store.root(0) == 0 ? 0 : store.adopt(store.root(0), 8, 8);
 *     if (h == 0) {                              // a new file
 *         h = store.allocate(8, 8);
 *         store.setRoot(0, store.persistentHandle(h));
 *     }
 *     MemorySegment counter = store.resolve(h, 8);
 *     counter.set(ValueLayout.JAVA_LONG, 0, counter.get(ValueLayout.JAVA_LONG, 0) + 1);
 *     store.sync();
 * }
 * }</pre>
 */
public interface DurableStore extends Store {

    /**
     * Makes every byte written through this store's pointers durable. Invalidates nothing.
     *
     * @throws java.io.UncheckedIOException if the file system fails (the store then refuses further calls)
     */
    void sync();

    /** The value of root slot {@code slot} (0 in a new store), as it was set: never translated. */
    long root(int slot);

    /** Sets root slot {@code slot}, durably and atomically. Invalidates nothing. */
    void setRoot(int slot, long value);

    /** Sets root slots {@code 0..values.length-1} in one durable, atomic step. Invalidates nothing. */
    void setRoots(long... values);

    /**
     * Allocates room for {@code contents} and writes them in one durable step: when this returns,
     * the allocation and its contents survive a crash without a {@link #sync()}.
     */
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    long allocateDurable(MemorySegment contents, long byteAlignment);

    /**
     * Allocates one block per size in one durable step: all or none survive a crash.
     *
     * <p>The checker does not follow handles in arrays: it sees one allocation.
     */
    @Invalidates(effect = Effect.ALLOCATE)
    long[] allocateBulk(long[] byteSizes, long byteAlignment);

    /**
     * Frees every handle in one durable step: all or none are free after a crash. A stale or repeated
     * handle throws {@link StaleHandleException} and frees nothing.
     *
     * <p>The handles are stale afterwards; the checker does not follow handles in arrays, so it treats
     * this call as an allocation (every pointer of a store that is not {@code @Stable} stale).
     */
    @Invalidates(effect = Effect.ALLOCATE)
    void deallocateBulk(long[] handles, long[] byteSizes, long byteAlignment);

    /**
     * The persistent handle of the live allocation {@code handle} names: the value to keep in a root
     * slot or in the store's memory so that {@link #adopt} finds the allocation after a restart. The
     * identity for a store whose handles are persistent.
     *
     * @throws StaleHandleException if {@code handle} is not a live handle of this store
     */
    default long persistentHandle(long handle) {
        resolve(handle, 0); // validates: throws for a stale or foreign handle
        return handle;
    }

    /**
     * A handle of this store for the live allocation {@code persistentHandle} names (one made in an
     * earlier session, found through a root slot or the store's memory). {@code byteSize} and
     * {@code byteAlignment} are those it was allocated with. Invalidates nothing.
     *
     * @throws StaleHandleException if the store holds no live allocation of that size there
     */
    @Issues
    default long adopt(long persistentHandle, long byteSize, long byteAlignment) {
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        resolve(persistentHandle, byteSize); // validates
        return persistentHandle;
    }
}
