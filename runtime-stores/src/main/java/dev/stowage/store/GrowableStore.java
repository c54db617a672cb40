package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.TreeMap;

/**
 * One contiguous native buffer that doubles by copying when it is full. A handle is an offset into
 * the buffer, so handles survive every move of the buffer; pointers do not.
 *
 * <p>Guarantees: {@code @Multiple} only. Any {@code allocate}, {@code grow} or {@code
 * allocateZeroed} may move the buffer, and so may an allocation that asks for a stricter alignment
 * than the buffer has; {@link #compact()} always moves it (to a buffer just big enough for what is
 * in use, giving spare capacity back). Each buffer comes from its own {@link Arena}, closed when the
 * buffer moves: a pointer into the old buffer throws {@link IllegalStateException} when used, so
 * even without a {@link CheckedStore} a stale pointer never touches freed memory.
 *
 * <p>Allocation bumps a top offset while the buffer has room; freed blocks are kept, coalesced, in
 * an ordered map and reused first-fit once the buffer is full, before the buffer grows. A freed
 * block that ends at the top lowers the top. {@link #grow} extends the topmost allocation in place.
 * Freeing a block twice, or a block beyond the top, throws {@link StaleHandleException}. Not
 * thread-safe; any thread may close it.
 *
 * <pre>{@code
 * try (GrowableStore store = new GrowableStore()) {
 *     long h = store.allocate(8, 8);
 *     store.resolve(h, 8).set(ValueLayout.JAVA_LONG, 0, 1);
 *     long big = store.allocate(1 << 20, 8);   // the buffer moves: re-resolve h
 *     long one = store.resolve(h, 8).get(ValueLayout.JAVA_LONG, 0);
 * }
 * }</pre>
 */
@Multiple
public final class GrowableStore implements CompactingStore {

    /** The capacity of the first buffer unless the constructor says otherwise. */
    public static final long DEFAULT_INITIAL_CAPACITY = 1024;
    /** Offsets (handles) stay below 2^40, so bits 40..63 of a handle are clear. */
    static final long MAX_CAPACITY = 1L << 40;
    private static final long MIN_BUFFER_ALIGNMENT = 16;

    private final long maxBytes;
    private final long initialCapacity;
    private Arena bufferArena;
    private MemorySegment buffer = MemorySegment.NULL;
    private long bufferAlignment = MIN_BUFFER_ALIGNMENT;
    /** The end of the highest allocation: everything at or above it is free. */
    private long top;
    /** Free blocks below the top: offset -> size, coalesced. */
    private final TreeMap<Long, Long> freeBlocks = new TreeMap<>();
    private long moves;
    private boolean closed;

    /** A store with a {@link #DEFAULT_INITIAL_CAPACITY}-byte first buffer and no limit. */
    public GrowableStore() {
        this(DEFAULT_INITIAL_CAPACITY, MAX_CAPACITY);
    }

    /**
     * @param initialCapacity the size of the first buffer (positive), taken at the first allocation
     * @param maxBytes the largest the buffer may become; beyond it {@link StoreExhaustedException}
     */
    public GrowableStore(long initialCapacity, long maxBytes) {
        if (initialCapacity <= 0 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("initialCapacity must be in 1.." + MAX_CAPACITY
                    + ", got " + initialCapacity);
        }
        if (maxBytes < initialCapacity) {
            throw new IllegalArgumentException("maxBytes " + maxBytes
                    + " is smaller than initialCapacity " + initialCapacity);
        }
        this.initialCapacity = initialCapacity;
        this.maxBytes = Math.min(maxBytes, MAX_CAPACITY);
    }

    /** The size of the buffer now. */
    public long capacity() {
        return buffer.byteSize();
    }

    /** How many times the buffer has moved (grown, or realigned, or compacted). */
    public long moves() {
        return moves;
    }

    @Override
    public long dangling(long byteAlignment) {
        return Checks.dangling(byteAlignment);
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocate(long byteSize, long byteAlignment) {
        requireOpen();
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        if (byteSize == 0) {
            return Checks.dangling(byteAlignment);
        }
        return place(byteSize, byteAlignment, "allocate");
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocateZeroed(long byteSize, long byteAlignment) {
        long handle = allocate(byteSize, byteAlignment);
        if (byteSize > 0) {
            buffer.asSlice(handle, byteSize).fill((byte) 0);
        }
        return handle;
    }

    @Override
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        requireOpen();
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        if (byteSize == 0) {
            return;
        }
        requireAllocated(handle, byteSize, "deallocate");
        release(handle, byteSize);
    }

    @Override
    @Resolves(handle = "#1")
    public MemorySegment resolve(long handle, long byteSize) {
        if (closed || (handle >>> 40) != 0) {
            return resolveUnusual(handle, byteSize);
        }
        return buffer.asSlice(handle, byteSize);
    }

    private MemorySegment resolveUnusual(long handle, long byteSize) {
        requireOpen();
        if (Checks.isDangling(handle)) {
            return Checks.resolveDangling(handle, byteSize, this);
        }
        throw new StaleHandleException("resolve: handle " + Checks.hex(handle)
                + " is not an offset into " + this);
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireOpen();
        Checks.requireGrow(oldByteSize, newByteSize, byteAlignment);
        if (oldByteSize == 0) {
            return allocate(newByteSize, byteAlignment);
        }
        requireAllocated(handle, oldByteSize, "grow");
        if (handle + oldByteSize == top) { // the topmost allocation: extend it in place
            long newTop = handle + newByteSize;
            if (newTop > buffer.byteSize()) {
                moveBuffer(newCapacity(newTop, "grow"), bufferAlignment);
            }
            top = newTop;
            return handle;
        }
        long moved = place(newByteSize, byteAlignment, "grow");
        MemorySegment.copy(buffer, handle, buffer, moved, oldByteSize);
        release(handle, oldByteSize);
        return moved;
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        long grown = grow(handle, oldByteSize, newByteSize, byteAlignment);
        if (newByteSize > oldByteSize) { // growing 0 -> 0 bytes gives a dangling handle: nothing to fill
            buffer.asSlice(grown + oldByteSize, newByteSize - oldByteSize).fill((byte) 0);
        }
        return grown;
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public long shrink(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireOpen();
        Checks.requireShrink(oldByteSize, newByteSize, byteAlignment);
        if (oldByteSize == 0) {
            return handle;
        }
        requireAllocated(handle, oldByteSize, "shrink");
        if (newByteSize < oldByteSize) {
            release(handle + newByteSize, oldByteSize - newByteSize);
        }
        return newByteSize == 0 ? Checks.dangling(byteAlignment) : handle;
    }

    /**
     * Moves everything to a new buffer just big enough for the allocations in use (up to the top).
     * Handles survive; every pointer resolved before is stale, and throws when used.
     */
    @Override
    @Invalidates(effect = Effect.RELOCATE)
    public void compact() {
        requireOpen();
        if (bufferArena != null) {
            moveBuffer(Math.max(top, 1), bufferAlignment);
        }
    }

    /** Frees the buffer: every handle and pointer of this store is stale afterwards. */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bufferArena != null) {
            bufferArena.close();
        }
        buffer = MemorySegment.NULL;
        freeBlocks.clear();
        top = 0;
    }

    @Override
    public String toString() {
        return "GrowableStore[" + (closed ? "closed" : top + " of " + buffer.byteSize()
                + " bytes used up to the top, " + freeBlocks.size() + " free blocks, moved "
                + moves + " times") + "]";
    }

    /** Finds room for a block: the top if the buffer has room, then a free block, then a bigger buffer. */
    private long place(long byteSize, long byteAlignment, String operation) {
        long start = Checks.alignUp(top, byteAlignment);
        if (byteAlignment > bufferAlignment) {
            // Offsets are only as aligned as the buffer: move to a more aligned one (checking the
            // limit first, so that a failure changes nothing).
            moveBuffer(newCapacity(start + byteSize, operation), byteAlignment);
            return takeTop(start, byteSize);
        }
        if (bufferArena != null && start + byteSize <= buffer.byteSize()) {
            return takeTop(start, byteSize);
        }
        for (Map.Entry<Long, Long> block : freeBlocks.entrySet()) {
            long offset = block.getKey();
            long end = offset + block.getValue();
            long aligned = Checks.alignUp(offset, byteAlignment);
            if (aligned + byteSize <= end) {
                freeBlocks.remove(offset);
                if (aligned > offset) {
                    freeBlocks.put(offset, aligned - offset);
                }
                if (aligned + byteSize < end) {
                    freeBlocks.put(aligned + byteSize, end - aligned - byteSize);
                }
                return aligned;
            }
        }
        if (byteSize > maxBytes - start) {
            throw exhausted(operation, start + byteSize);
        }
        moveBuffer(newCapacity(start + byteSize, operation), bufferAlignment);
        return takeTop(start, byteSize);
    }

    private long takeTop(long start, long byteSize) {
        if (start > top) {
            addFree(top, start - top); // alignment padding stays reusable
        }
        top = start + byteSize;
        return start;
    }

    private long newCapacity(long needed, String operation) {
        if (needed > maxBytes) {
            throw exhausted(operation, needed);
        }
        long capacity = Math.max(initialCapacity, buffer.byteSize());
        while (capacity < needed) {
            capacity = capacity > maxBytes / 2 ? maxBytes : capacity * 2;
        }
        return capacity;
    }

    private void moveBuffer(long capacity, long alignment) {
        Arena arena = Arena.ofShared();
        MemorySegment moved;
        try {
            moved = arena.allocate(capacity, alignment);
        } catch (OutOfMemoryError e) {
            arena.close();
            throw new StoreExhaustedException("the system could not provide a buffer of " + capacity
                    + " bytes for " + this);
        }
        if (bufferArena != null) {
            MemorySegment.copy(buffer, 0, moved, 0, Math.min(top, capacity));
            bufferArena.close();
        }
        bufferArena = arena;
        buffer = moved;
        bufferAlignment = alignment;
        moves++;
    }

    private void release(long offset, long byteSize) {
        if (offset + byteSize == top) {
            top = offset;
            Map.Entry<Long, Long> below = freeBlocks.lastEntry();
            if (below != null && below.getKey() + below.getValue() == top) {
                freeBlocks.remove(below.getKey());
                top = below.getKey();
            }
            return;
        }
        addFree(offset, byteSize);
    }

    private void addFree(long offset, long byteSize) {
        long start = offset;
        long end = offset + byteSize;
        Map.Entry<Long, Long> before = freeBlocks.floorEntry(offset);
        if (before != null && before.getKey() + before.getValue() == offset) {
            start = before.getKey();
            freeBlocks.remove(start);
        }
        Long afterSize = freeBlocks.get(end);
        if (afterSize != null) {
            freeBlocks.remove(end);
            end += afterSize;
        }
        freeBlocks.put(start, end - start);
    }

    private void requireAllocated(long handle, long byteSize, String operation) {
        if (handle < 0 || handle + byteSize > top || handle + byteSize < handle) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " with "
                    + byteSize + " bytes is not an allocation of " + this);
        }
        Map.Entry<Long, Long> free = freeBlocks.floorEntry(handle + byteSize - 1);
        if (free != null && free.getKey() + free.getValue() > handle) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " with "
                    + byteSize + " bytes overlaps free memory at " + free.getKey() + " (" + free.getValue()
                    + " bytes) of " + this + ": freed already?");
        }
    }

    private StoreExhaustedException exhausted(String operation, long needed) {
        return new StoreExhaustedException(operation + ": " + needed + " bytes needed, more than the "
                + maxBytes + "-byte limit of " + this);
    }

    private void requireOpen() {
        if (closed) {
            throw Checks.closed(this);
        }
    }
}
