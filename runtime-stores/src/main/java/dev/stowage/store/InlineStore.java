package dev.stowage.store;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

/**
 * Room for one allocation of at most a fixed capacity, held on the Java heap
 * ({@link MemorySegment#ofArray(long[])}): no native memory, nothing to free.
 *
 * <p>Guarantees: none. Allocating again reuses the same memory, so it invalidates the previous
 * handle and every pointer (the store is neither {@code @Multiple} nor {@code @Stable}). A handle is
 * a generation number (XORed with a random per-store salt, so that another store's handles decode to
 * noise): every {@code allocate}, {@code grow} and {@code shrink} issues a new one, so
 * a handle from before is detected and throws {@link StaleHandleException} — cheap enough to do in
 * every call. Pointers into the heap cannot be killed, though: a stale pointer reads whatever the
 * store holds now (wrap the store in a {@link CheckedStore} to make them throw).
 *
 * <p>Alignments up to 8 bytes are supported (what a {@code long[]} guarantees); stricter ones throw
 * {@link IllegalArgumentException}, larger sizes {@link StoreExhaustedException}. Not thread-safe.
 *
 * <pre>{@code
 * InlineStore store = new InlineStore(16);
 * long h = store.allocate(16, 8);
 * store.resolve(h, 16).set(ValueLayout.JAVA_LONG, 0, 1);
 * long h2 = store.allocate(8, 8);          // reuses the memory: h is stale now
 * store.resolve(h, 16);                    // throws StaleHandleException
 * }</pre>
 */
public final class InlineStore extends AbstractStore {

    /** The strictest alignment heap memory guarantees. */
    public static final long MAX_ALIGNMENT = 8;

    private final MemorySegment memory;
    private final long capacity;
    /** The handle of the current allocation; handles count up from 1. */
    private long generation;
    /** XORed into every handle (see {@code Checks.newSalt}): another store's handles decode to noise. */
    private final long salt = Checks.newSalt();
    /** The handle of generation {@code generation}: {@code generation ^ salt}. */
    private long currentHandle = salt;
    private boolean occupied;
    private long size;

    /** Room for one allocation of up to {@code capacity} bytes (rounded up to a multiple of 8). */
    public InlineStore(long capacity) {
        if (capacity < 0 || capacity > (long) Integer.MAX_VALUE * 8 - 8) {
            throw new IllegalArgumentException("capacity must be in 0.." + ((long) Integer.MAX_VALUE * 8 - 8)
                    + ", got " + capacity);
        }
        this.memory = MemorySegment.ofArray(new long[(int) ((capacity + 7) / 8)]);
        this.capacity = capacity;
    }

    /** Room for one {@code layout}. */
    public InlineStore(MemoryLayout layout) {
        this(layout.byteSize());
        if (layout.byteAlignment() > MAX_ALIGNMENT) {
            throw new IllegalArgumentException("layout " + layout + " needs alignment "
                    + layout.byteAlignment() + "; heap memory gives at most " + MAX_ALIGNMENT);
        }
    }

    /** The most bytes the allocation may take. */
    public long capacity() {
        return capacity;
    }

    /** Whether an allocation is live. */
    public boolean isOccupied() {
        return occupied;
    }

    /** The handle of the live allocation, if {@link #isOccupied()}. */
    long currentHandle() {
        return currentHandle;
    }

    /** The size of the live allocation, if {@link #isOccupied()}. */
    long currentSize() {
        return size;
    }

    /** The room itself (for {@link SmallStore}'s inline fast path). */
    MemorySegment room() {
        return memory;
    }

    @Override
    long allocateBytes(long byteSize, long byteAlignment) {
        requireCapacity(byteSize, "allocate");
        occupied = true;
        size = byteSize;
        return nextHandle();
    }

    @Override
    void deallocateBytes(long handle, long byteSize, long byteAlignment) {
        requireCurrent(handle, byteSize, "deallocate");
        occupied = false;
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        if (handle != currentHandle || !occupied || Long.compareUnsigned(byteSize, size) > 0) {
            return resolveUnusual(handle, byteSize);
        }
        return memory.asSlice(0, byteSize);
    }

    @Override
    RuntimeException refuse(long handle, long byteSize) {
        if (handle == currentHandle && occupied) {
            return new IllegalArgumentException("resolve: byteSize " + byteSize + " exceeds the " + size
                    + " bytes of handle " + Checks.hex(handle) + " in " + this);
        }
        return stale(handle, "resolve");
    }

    @Override
    long growBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireCurrent(handle, oldByteSize, "grow");
        requireCapacity(newByteSize, "grow");
        size = newByteSize;
        return nextHandle();
    }

    @Override
    long shrinkBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireCurrent(handle, oldByteSize, "shrink");
        size = newByteSize;
        return nextHandle();
    }

    /** Ends the store: every handle is stale afterwards. The heap memory goes with the object. */
    @Override
    void releaseMemory() {
        occupied = false;
    }

    @Override
    public String toString() {
        return "InlineStore[" + capacity + " bytes, " + (closed ? "closed"
                : occupied ? "holding handle " + Checks.hex(currentHandle) + " (" + size + " bytes)" : "empty") + "]";
    }

    /** A new generation: every earlier handle is stale from now on. */
    private long nextHandle() {
        generation++;
        currentHandle = generation ^ salt;
        return currentHandle;
    }

    @Override
    void requireStoreAlignment(long byteAlignment, String operation) {
        if (byteAlignment > MAX_ALIGNMENT) {
            throw new IllegalArgumentException(operation + ": alignment " + byteAlignment
                    + " is stricter than the " + MAX_ALIGNMENT + " bytes heap memory gives (" + this + ")");
        }
    }

    private void requireCapacity(long byteSize, String operation) {
        if (byteSize > capacity) {
            throw new StoreExhaustedException(operation + ": " + byteSize + " bytes do not fit the "
                    + capacity + " bytes of " + this);
        }
    }

    private void requireCurrent(long handle, long byteSize, String operation) {
        if (handle != currentHandle || !occupied) {
            throw stale(handle, operation);
        }
        if (byteSize != size) {
            throw new IllegalArgumentException(operation + ": handle " + handle + " of " + this
                    + " holds " + size + " bytes, but the call says " + byteSize);
        }
    }

    private StaleHandleException stale(long handle, String operation) {
        long issued = handle ^ salt;
        String why = issued > 0 && issued < generation ? "the store has been allocated, grown or shrunk since"
                : handle == currentHandle ? "it was freed" : "this store never issued it";
        return new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " of " + this
                + " is stale: " + why);
    }
}
