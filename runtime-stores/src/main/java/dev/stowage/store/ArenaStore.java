package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
import dev.stowage.qual.Stable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A bump allocator over chunks of native memory that never move; {@link #close()} frees them all.
 *
 * <p>Guarantees: {@code @Stable @Multiple}. An allocation is carved from the current chunk by
 * moving a bump pointer; when it does not fit, a new chunk (twice the size of the last, up to
 * {@value #MAX_CHUNK_SIZE} bytes) is taken from a shared {@link Arena}, and an allocation larger
 * than a quarter of that gets a chunk of its own. A handle is the address of the allocation, and
 * {@link #resolve} slices a segment that spans the address space in the arena's scope: no lookup,
 * and every pointer belongs to the arena, so once the store is closed using one throws
 * {@link IllegalStateException} instead of touching freed memory. Like {@link GlobalStore},
 * {@code resolve} does not check that a handle is one of its own (wrap the store in a
 * {@link CheckedStore} for that); {@code deallocate}, {@code grow} and {@code shrink} do.
 *
 * <p>{@link #deallocate} frees nothing, with one exception: freeing (or shrinking) the <em>last</em>
 * allocation of the current chunk moves the bump pointer back, so stack-like use reuses memory.
 * {@link #grow} extends the last allocation in place when the chunk has room, and otherwise copies
 * into a new slot. Not thread-safe (use {@link SharedArenaStore} for that), but not confined
 * either: one thread at a time may use it, and any thread may close it.
 *
 * <pre>{@code
 * try (ArenaStore store = new ArenaStore()) {
 *     long a = store.allocate(16, 8);
 *     long b = store.allocate(16, 8);
 *     MemorySegment pa = store.resolve(a, 16);
 *     b = store.grow(b, 16, 64, 8);     // pa is still valid: the store is @Stable
 *     pa.set(ValueLayout.JAVA_LONG, 0, 7);
 * }                                     // all chunks freed
 * }</pre>
 */
@Stable @Multiple
public final class ArenaStore implements Store {

    /** The size of the first chunk unless the constructor says otherwise. */
    public static final long DEFAULT_CHUNK_SIZE = 64 * 1024;
    /** Chunks double up to this size; larger allocations get a chunk of their own. */
    public static final long MAX_CHUNK_SIZE = 64L * 1024 * 1024;

    /** Handles below this are never addresses of an allocation (the null page). */
    static final long MIN_ADDRESS = 4096;
    /** Handles at or above this are never addresses (bit 62 marks dangling handles). */
    static final long ADDRESS_LIMIT = 1L << 56;
    private static final long MAX_CHUNK_BYTES = 1L << 40;
    private static final long CHUNK_ALIGNMENT = 16;

    private final Arena arena = Arena.ofShared();
    private final long maxBytes;
    /** The address space in the arena's scope: pointers are slices of it and die with the arena. */
    private final MemorySegment all = MemorySegment.NULL.reinterpret(Long.MAX_VALUE, arena, null);
    private MemorySegment[] chunks = new MemorySegment[8];
    private int chunkCount;
    /** Index of the chunk the bump pointer is in, or -1 before the first allocation. */
    private int current = -1;
    /** The address of the current chunk (0 before the first). */
    private long currentBase;
    /** The bump pointer: the first free offset of the current chunk. */
    private long bump;
    private long nextChunkSize;
    private long reservedBytes;
    private boolean closed;

    /** An arena with {@link #DEFAULT_CHUNK_SIZE} chunks and no limit but the machine's memory. */
    public ArenaStore() {
        this(DEFAULT_CHUNK_SIZE, Long.MAX_VALUE);
    }

    /**
     * @param firstChunkSize the size of the first chunk (positive); later ones double
     * @param maxBytes the most native memory the store may take, chunks included; an allocation
     *     beyond it throws {@link StoreExhaustedException}
     */
    public ArenaStore(long firstChunkSize, long maxBytes) {
        if (firstChunkSize <= 0 || firstChunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("firstChunkSize must be in 1.." + MAX_CHUNK_SIZE
                    + ", got " + firstChunkSize);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.nextChunkSize = firstChunkSize;
        this.maxBytes = maxBytes;
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
        return bumpAllocate(byteSize, byteAlignment, "allocate");
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocateZeroed(long byteSize, long byteAlignment) {
        long handle = allocate(byteSize, byteAlignment);
        if (byteSize != 0) {
            resolve(handle, byteSize).fill((byte) 0); // memory given back by deallocate may be dirty
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
        requireAllocation(handle, byteSize, "deallocate");
        if (isLast(handle, byteSize)) {
            bump = handle - currentBase;
        }
    }

    @Override
    @Resolves(handle = "#1")
    public MemorySegment resolve(long handle, long byteSize) {
        if (handle < MIN_ADDRESS || handle >= ADDRESS_LIMIT || closed) {
            return resolveUnusual(handle, byteSize);
        }
        return all.asSlice(handle, byteSize);
    }

    private MemorySegment resolveUnusual(long handle, long byteSize) {
        requireOpen();
        if (Checks.isDangling(handle)) {
            return Checks.resolveDangling(handle, byteSize, this);
        }
        throw foreign(handle, "resolve");
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
        requireAllocation(handle, oldByteSize, "grow");
        long offset = handle - currentBase;
        if (isLast(handle, oldByteSize) && newByteSize <= chunks[current].byteSize() - offset) {
            bump = offset + newByteSize; // extend in place
            return handle;
        }
        long moved = bumpAllocate(newByteSize, byteAlignment, "grow");
        MemorySegment.copy(resolve(handle, oldByteSize), 0, resolve(moved, oldByteSize), 0, oldByteSize);
        return moved;
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        long grown = grow(handle, oldByteSize, newByteSize, byteAlignment);
        resolve(grown, newByteSize).asSlice(oldByteSize).fill((byte) 0);
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
        requireAllocation(handle, oldByteSize, "shrink");
        if (isLast(handle, oldByteSize)) {
            bump = handle - currentBase + newByteSize;
        }
        return newByteSize == 0 ? Checks.dangling(byteAlignment) : handle;
    }

    /** Frees every chunk: every handle and pointer of this store is stale afterwards. */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        chunks = new MemorySegment[0];
        chunkCount = 0;
        current = -1;
        currentBase = 0;
        arena.close();
    }

    /** The address space in this arena's scope (for {@link SharedArenaStore}'s lock-free resolve). */
    MemorySegment allMemory() {
        return all;
    }

    /** Bytes of native memory taken from the system for chunks (not the bytes handed out). */
    public long reservedBytes() {
        return reservedBytes;
    }

    @Override
    public String toString() {
        return "ArenaStore[" + (closed ? "closed" : chunkCount + " chunks, " + reservedBytes
                + " bytes reserved, " + (current < 0 ? 0 : bump) + " used in the current chunk") + "]";
    }

    private long bumpAllocate(long byteSize, long byteAlignment, String operation) {
        if (current >= 0) {
            MemorySegment chunk = chunks[current];
            long start = alignedOffset(chunk, bump, byteAlignment);
            if (start >= 0 && byteSize <= chunk.byteSize() - start) {
                bump = start + byteSize;
                return currentBase + start;
            }
        }
        long target = nextChunkSize;
        if (byteSize > target / 4 && current >= 0) {
            // A big allocation gets a chunk of its own; the current chunk keeps serving small ones.
            int index = addChunk(byteSize, byteAlignment, operation);
            return chunks[index].address();
        }
        long size = Math.max(target, byteSize);
        int index = addChunk(size, byteAlignment, operation);
        current = index;
        currentBase = chunks[index].address();
        bump = byteSize;
        nextChunkSize = Math.min(MAX_CHUNK_SIZE, target * 2);
        return currentBase;
    }

    private int addChunk(long size, long byteAlignment, String operation) {
        if (size > MAX_CHUNK_BYTES) {
            throw new StoreExhaustedException(operation + ": " + size
                    + " bytes is more than one chunk can hold (" + MAX_CHUNK_BYTES + ") in " + this);
        }
        if (size > maxBytes - reservedBytes) {
            throw new StoreExhaustedException(operation + ": a chunk of " + size + " bytes would exceed"
                    + " the limit of " + maxBytes + " bytes (" + reservedBytes + " reserved) of " + this);
        }
        MemorySegment chunk;
        try {
            chunk = arena.allocate(size, Math.max(CHUNK_ALIGNMENT, byteAlignment));
        } catch (OutOfMemoryError e) {
            throw new StoreExhaustedException(operation + ": the system could not provide a chunk of "
                    + size + " bytes for " + this);
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount] = chunk;
        reservedBytes += size;
        return chunkCount++;
    }

    /** The first offset at or after {@code from} whose address is aligned, or -1 on overflow. */
    private static long alignedOffset(MemorySegment chunk, long from, long byteAlignment) {
        long address = chunk.address() + from;
        long aligned = (address + byteAlignment - 1) & -byteAlignment;
        return aligned < address ? -1 : aligned - chunk.address();
    }

    private boolean isLast(long handle, long byteSize) {
        return current >= 0 && handle + byteSize == currentBase + bump;
    }

    /** The allocation lies in one of the chunks (the current one is checked first). */
    private void requireAllocation(long handle, long byteSize, String operation) {
        if (current >= 0 && within(chunks[current], handle, byteSize)) {
            return;
        }
        for (int i = chunkCount - 1; i >= 0; i--) {
            if (within(chunks[i], handle, byteSize)) {
                return;
            }
        }
        throw foreign(handle, operation);
    }

    private static boolean within(MemorySegment chunk, long address, long byteSize) {
        long offset = address - chunk.address();
        return offset >= 0 && offset <= chunk.byteSize() && byteSize <= chunk.byteSize() - offset;
    }

    private RuntimeException foreign(long handle, String operation) {
        return new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                + " was not issued by " + this + " (foreign, stale or corrupt)");
    }

    private void requireOpen() {
        if (closed) {
            throw Checks.closed(this);
        }
    }
}
