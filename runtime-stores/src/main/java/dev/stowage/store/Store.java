package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Resolves;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

/**
 * Owns memory and hands out <em>handles</em> to it; {@link #resolve} turns a handle into a
 * <em>pointer</em> (a {@link MemorySegment}).
 *
 * <p>A handle is a plain {@code long} that names one allocation of this store: cheap to copy and
 * meaningless to any other store (unless both are members of one sharing set, see
 * {@link SharingStore}). A pointer is valid until something invalidates it. What each operation
 * invalidates depends on the guarantees of the store's type, stated by the type qualifiers
 * {@code @Multiple}, {@code @Stable}, {@code @Pinned} and {@code @SharedStore} and summed up in the
 * effects declared on each method ({@link Invalidates}). The Stowage checker reads those
 * annotations, and {@code CheckedStore} enforces the same table at run time.
 *
 * <p>Every failed operation throws and changes nothing (the strong exception guarantee): after a
 * {@code grow} that throws, the handle and every pointer are exactly as valid as before.
 *
 * <pre>{@code
 * try (Store store = new ArenaStore()) {
 *     long h = store.allocate(16, 8);
 *     MemorySegment p = store.resolve(h, 16);
 *     p.set(ValueLayout.JAVA_LONG, 0, 42);
 *     h = store.grow(h, 16, 32, 8);        // p is stale now: resolve again
 *     p = store.resolve(h, 32);
 * }
 * }</pre>
 */
public interface Store extends AutoCloseable {

    /**
     * A handle that names no memory: it can be kept in place of a real one and is never resolved
     * with a size greater than zero.
     *
     * @param byteAlignment a power of two
     */
    long dangling(long byteAlignment);

    /**
     * Allocates {@code byteSize} bytes aligned to {@code byteAlignment}.
     *
     * @throws StoreExhaustedException if the store cannot hold the allocation
     * @throws IllegalArgumentException if the size is negative or the alignment is not a power of two
     */
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    long allocate(long byteSize, long byteAlignment);

    /** As {@link #allocate}, with the memory filled with zeros. */
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    long allocateZeroed(long byteSize, long byteAlignment);

    /**
     * Frees the allocation named by {@code handle}; its size and alignment must be those it was
     * allocated (or last grown or shrunk) with.
     */
    @Invalidates(effect = Effect.FREE, handle = "#1")
    void deallocate(long handle, long byteSize, long byteAlignment);

    /**
     * A pointer to the first {@code byteSize} bytes of the allocation named by {@code handle}.
     * Resolving invalidates nothing.
     */
    @Resolves(handle = "#1", size = "#2")
    MemorySegment resolve(long handle, long byteSize);

    /**
     * Grows an allocation to {@code newByteSize}, keeping its contents, and returns the handle to
     * use from now on. The handle passed and every pointer resolved from it are stale afterwards,
     * even when the returned handle is equal to it.
     */
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1", size = "#3")
    long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment);

    /** As {@link #grow}, with the new bytes filled with zeros. */
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1", size = "#3")
    long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment);

    /** Shrinks an allocation to {@code newByteSize}, keeping the first bytes; as {@link #grow}. */
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1", size = "#3")
    long shrink(long handle, long oldByteSize, long newByteSize, long byteAlignment);

    /**
     * Allocates room for one {@code layout}: {@code allocate(layout.byteSize(), layout.byteAlignment())}.
     * <pre>{@code
     * long point = store.allocate(MemoryLayout.structLayout(JAVA_INT.withName("x"), JAVA_INT.withName("y")));
     * }</pre>
     */
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    default long allocate(MemoryLayout layout) {
        return allocate(layout.byteSize(), layout.byteAlignment());
    }

    /** As {@link #allocate(MemoryLayout)}, with the memory filled with zeros. */
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    default long allocateZeroed(MemoryLayout layout) {
        return allocateZeroed(layout.byteSize(), layout.byteAlignment());
    }

    /** Frees an allocation made with {@link #allocate(MemoryLayout)} for the same layout. */
    @Invalidates(effect = Effect.FREE, handle = "#1")
    default void deallocate(long handle, MemoryLayout layout) {
        deallocate(handle, layout.byteSize(), layout.byteAlignment());
    }

    /** A pointer to one {@code layout} at the start of the allocation named by {@code handle}. */
    @Resolves(handle = "#1")
    default MemorySegment resolve(long handle, MemoryLayout layout) {
        return resolve(handle, layout.byteSize());
    }

    /** Drops the store: every handle and pointer it issued is stale, and using it is an error. */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    void close();
}
