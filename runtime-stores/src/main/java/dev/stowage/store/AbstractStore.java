package dev.stowage.store;

import java.lang.foreign.MemorySegment;

/**
 * The skeleton of the memory stores of this package ({@link ArenaStore}, {@link SlabStore},
 * {@link GrowableStore}, {@link InlineStore}, {@link GlobalStore}): the argument preamble every store
 * runs before it touches memory, written once.
 *
 * <p>Each public operation of {@link Store} is a template here: it checks that the store is open, the
 * sizes and the alignment ({@link Checks}, plus {@link #requireStoreAlignment} for a store with a
 * stricter limit), turns zero bytes into the dangling handle ({@code allocate(0, a)} is
 * {@code dangling(a)}, {@code deallocate(h, 0, a)} frees nothing, {@code grow} from zero allocates,
 * {@code shrink} from zero returns the handle, {@code shrink} to zero frees and returns a dangling
 * handle), and only then calls the store's own step ({@link #allocateBytes}, {@link #deallocateBytes},
 * {@link #growBytes}, {@link #shrinkBytes}) with arguments it may trust. The {@code *Zeroed} variants
 * are the plain operation followed by a fill of the new bytes; {@link #resolveUnusual} is the slow
 * path of every {@code resolve}: closed, dangling, negative size, else the store's own refusal.
 *
 * <p><b>No contract annotations here or on the stores' overrides.</b> The effects ({@code @Issues},
 * {@code @Invalidates}, {@code @Resolves}) are declared once, on {@link Store}: the Stowage checker
 * takes a method's contract from what it overrides when the method declares none, and
 * {@link CheckedStore} derives its table from the class qualifiers ({@link Guarantees}), which stay on
 * each concrete class because they differ per store.
 *
 * <p><b>Why this does not make the hot paths megamorphic.</b> A template such as {@link #allocate} is
 * one method body shared by every store class, so its call to {@link #allocateBytes} has one type
 * profile for all of them. That costs nothing, for two reasons. This class is not public and the
 * stores are {@code final}, so javac gives each store a public bridge method ({@code
 * ArenaStore.allocate} calls this {@code allocate} with {@code invokespecial}): C2 compiles the bridge
 * knowing the receiver's exact class and binds {@code allocateBytes} statically, whatever other store
 * classes the program uses (measured with a polluted profile: docs/benchmarks.md). And every {@code
 * resolve}, the hot path of every store, is written in the concrete class (this class gives it only
 * the shared slow path), while {@link SlabStore} overrides {@code allocate} and {@code deallocate}
 * with a fast path that falls back to these templates (allocate+free is its point). The templates
 * are not {@code final} so that a store can do better ({@code GlobalStore.allocateZeroed} uses
 * {@code calloc}).
 *
 * <p>The decorators ({@link SmallStore}, {@link SharedArenaStore}, {@link CheckedStore}) and the file
 * store ({@link FileStore}) implement {@link Store} directly: they pass each call on to another store
 * (which runs this preamble) or check it against their own records.
 *
 * <pre>{@code
 * final class BumpStore extends AbstractStore {        // the shape of a store in this package
 *     long allocateBytes(long byteSize, long byteAlignment) { ... }  // byteSize > 0, store open
 *     void deallocateBytes(long handle, long byteSize, long byteAlignment) { ... }
 *     long growBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) { ... }
 *     long shrinkBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) { ... }
 *     public MemorySegment resolve(long handle, long byteSize) { ... fast path ... else resolveUnusual }
 *     RuntimeException refuse(long handle, long byteSize) { ... }
 *     void releaseMemory() { ... }                  // close(): free the memory, once
 * }
 * }</pre>
 */
abstract class AbstractStore implements Store {

    /** Set once by {@link #close()}; every later call but {@code close} throws. */
    boolean closed;

    AbstractStore() {}

    // ---- the steps each store writes -------------------------------------------------------------

    /** Allocates {@code byteSize > 0} bytes; the store is open and the arguments are checked. */
    abstract long allocateBytes(long byteSize, long byteAlignment);

    /**
     * Frees a live allocation of {@code byteSize > 0} bytes (the store is open, the arguments are
     * checked); refuses, changing nothing, a handle or size that does not name one.
     */
    abstract void deallocateBytes(long handle, long byteSize, long byteAlignment);

    /** Grows an allocation of {@code oldByteSize > 0} bytes to {@code newByteSize >= oldByteSize}. */
    abstract long growBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment);

    /** Shrinks an allocation of {@code oldByteSize} bytes to {@code 0 < newByteSize <= oldByteSize}. */
    abstract long shrinkBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment);

    /**
     * Why {@code resolve} refused a handle that is not dangling, with a size that is not negative, on
     * an open store: the exception {@link #resolveUnusual} throws.
     */
    abstract RuntimeException refuse(long handle, long byteSize);

    /** Frees the store's memory; called once, by the first {@link #close()}. */
    abstract void releaseMemory();

    /**
     * The store's own limit on alignments, beyond {@link Checks#requireAlignment} (a slot's or heap
     * memory's alignment): throws {@link IllegalArgumentException} naming {@code operation}.
     */
    void requireStoreAlignment(long byteAlignment, String operation) {}

    /** Whether {@code handle} is one of this store's dangling handles (see {@link #dangling}). */
    boolean isDanglingHandle(long handle) {
        return Checks.isDangling(handle);
    }

    // ---- the templates -----------------------------------------------------------------------------

    @Override
    public long dangling(long byteAlignment) {
        return Checks.dangling(byteAlignment);
    }

    @Override
    public long allocate(long byteSize, long byteAlignment) {
        requireOpen();
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        requireStoreAlignment(byteAlignment, "allocate");
        if (byteSize == 0) {
            return dangling(byteAlignment);
        }
        return allocateBytes(byteSize, byteAlignment);
    }

    @Override
    public long allocateZeroed(long byteSize, long byteAlignment) {
        long handle = allocate(byteSize, byteAlignment);
        if (byteSize > 0) {
            resolve(handle, byteSize).fill((byte) 0); // memory given back by a free may be dirty
        }
        return handle;
    }

    @Override
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        requireOpen();
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        if (byteSize == 0) {
            return; // the dangling handle's (of any alignment): frees nothing
        }
        requireStoreAlignment(byteAlignment, "deallocate");
        deallocateBytes(handle, byteSize, byteAlignment);
    }

    @Override
    public long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireOpen();
        Checks.requireGrow(oldByteSize, newByteSize, byteAlignment);
        requireStoreAlignment(byteAlignment, "grow");
        if (oldByteSize == 0) {
            return allocate(newByteSize, byteAlignment);
        }
        return growBytes(handle, oldByteSize, newByteSize, byteAlignment);
    }

    @Override
    public long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        long grown = grow(handle, oldByteSize, newByteSize, byteAlignment);
        if (newByteSize > oldByteSize) { // growing 0 -> 0 bytes gives a dangling handle: nothing to fill
            resolve(grown, newByteSize).asSlice(oldByteSize).fill((byte) 0);
        }
        return grown;
    }

    @Override
    public long shrink(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireOpen();
        Checks.requireShrink(oldByteSize, newByteSize, byteAlignment);
        if (oldByteSize == 0) {
            return handle; // the dangling handle (of any alignment) stays as it was
        }
        requireStoreAlignment(byteAlignment, "shrink");
        if (newByteSize == 0) {
            deallocateBytes(handle, oldByteSize, byteAlignment);
            return dangling(byteAlignment);
        }
        return shrinkBytes(handle, oldByteSize, newByteSize, byteAlignment);
    }

    /** Frees the store's memory the first time; closing again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseMemory();
    }

    // ---- shared slow paths --------------------------------------------------------------------------

    /**
     * The slow path of every {@code resolve}: a closed store, a dangling handle (only with size 0), a
     * negative size, else what the store says ({@link #refuse}). Always throws, except for a dangling
     * handle resolved with size 0.
     */
    final MemorySegment resolveUnusual(long handle, long byteSize) {
        requireOpen();
        if (isDanglingHandle(handle)) {
            return Checks.resolveDangling(handle, byteSize, this);
        }
        Checks.requireResolveSize(byteSize);
        throw refuse(handle, byteSize);
    }

    final void requireOpen() {
        if (closed) {
            throw Checks.closed(this);
        }
    }
}
