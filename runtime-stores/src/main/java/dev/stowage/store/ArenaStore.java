package dev.stowage.store;

import dev.stowage.qual.Multiple;
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
 * than a quarter of that gets a chunk of its own.
 *
 * <p><b>Safe for any argument.</b> A handle is not an address: it is the chunk's index, the offset
 * in the chunk and an epoch ({@code epoch << 52 | chunk << 40 | offset}, XORed with a random
 * per-store salt so that another store's handles decode to noise), and {@link #resolve} checks the
 * offset and size against the chunk the handle names before slicing, so no handle value can reach
 * memory outside this store's chunks, and every pointer belongs to the arena: once the store is
 * closed using one throws {@link IllegalStateException} instead of touching freed memory. (The
 * slice is taken from one arena-scoped view of the address space, made once with
 * {@code reinterpret}: a restricted method of the JDK, used by this library, never with an address
 * the caller gave.)
 *
 * <p>Each chunk keeps a record of the allocations made in it (handle and size, 16 bytes on the Java
 * heap per allocation), so {@link #deallocate}, {@link #grow} and {@link #shrink} refuse, changing
 * nothing, a handle that is not a live allocation (freed, grown, foreign or forged:
 * {@link StaleHandleException}) and an old size that is not the allocation's
 * ({@link IllegalArgumentException}): no call can make an allocation overlap another. {@link #resolve}
 * does not read the record (its fast path checks only the chunk's bounds, to cost what a raw access
 * costs), so resolving a stale handle, or a live one with more bytes than it holds, reads this
 * store's memory, never anyone else's (wrap the store in a {@link CheckedStore} to find such bugs).
 *
 * <p>{@link #deallocate} marks the allocation freed in the record; it gives memory back in one case:
 * freeing (or shrinking to nothing) the allocation that ends at the bump pointer moves the pointer
 * back to its start, and past the freed allocations right below it, so allocations freed newest
 * first (a stack, or a temporary freed at once) are reused. Every such rewind starts a new epoch, so
 * the handle of the next allocation at that place differs from the freed ones, which are refused from
 * then on. Epochs are 10 bits; when they run out, the bump pointer skips past every offset ever used
 * in the chunk and never rewinds below it again, so an (epoch, offset) pair never comes back. Other
 * freed memory is reclaimed when the store closes.
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
@SuppressWarnings("restricted") // one arena-scoped view, sliced only inside chunks (see resolve)
@Stable @Multiple
public final class ArenaStore extends AbstractStore {

    /** The size of the first chunk unless the constructor says otherwise. */
    public static final long DEFAULT_CHUNK_SIZE = 64 * 1024;
    /** Chunks double up to this size; larger allocations get a chunk of their own. */
    public static final long MAX_CHUNK_SIZE = 64L * 1024 * 1024;

    static final int OFFSET_BITS = 40;
    static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    static final int CHUNK_BITS = 12;
    static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;
    static final int EPOCH_SHIFT = OFFSET_BITS + CHUNK_BITS;
    static final int EPOCH_MASK = (1 << (62 - EPOCH_SHIFT)) - 1;
    /** The most chunks a store may have: the chunk index has {@value #CHUNK_BITS} bits. */
    static final int MAX_CHUNKS = 1 << CHUNK_BITS;
    private static final long MAX_CHUNK_BYTES = 1L << OFFSET_BITS;
    private static final long CHUNK_ALIGNMENT = 16;

    /**
     * The chunks, by index: {@code bounds[2 i]} is chunk i's address, {@code bounds[2 i + 1]} its size.
     * Replaced (never changed) when a chunk is added, and held in a record's final field, so that
     * {@link SharedArenaStore} can resolve without its lock and still see a complete table.
     */
    private record ChunkTable(MemorySegment[] chunks, long[] bounds) {
        static final ChunkTable EMPTY = new ChunkTable(new MemorySegment[0], new long[0]);
    }

    /**
     * The allocations made in one chunk, in the order of their offsets (the bump pointer only moves
     * up, and a rewind drops the last one): {@code entries[2 i]} is the handle without the salt,
     * {@code entries[2 i + 1]} its size, or {@code ~size} once freed. Why a record per allocation
     * (16 bytes on the Java heap): without it, {@code shrink(h, wrongOldSize, n)} could hand back an
     * allocation that overlaps its neighbour, and a stale or double free was accepted (issue 15).
     * {@code resolve} does not read it: its fast path checks only the chunk's bounds.
     */
    private static final class Log {
        long[] entries = new long[16];
        int count;

        void append(long raw, long byteSize) {
            if (2 * count == entries.length) {
                entries = Arrays.copyOf(entries, entries.length * 2);
            }
            entries[2 * count] = raw;
            entries[2 * count + 1] = byteSize;
            count++;
        }

        /** The index of the allocation made at {@code offset}, or -1. */
        int find(long offset) {
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long at = entries[2 * mid] & OFFSET_MASK;
                if (at < offset) {
                    low = mid + 1;
                } else if (at > offset) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }
    }

    private final Arena arena = Arena.ofShared();
    /**
     * The address space in the arena's scope. {@link #resolve} slices it only at an offset and size
     * checked against a chunk the handle names, so it never reaches outside this store's chunks;
     * one loop-invariant segment (instead of one per chunk) is what keeps resolve as cheap as a raw
     * access, and its scope makes every pointer die when the store closes.
     */
    private final MemorySegment all = MemorySegment.NULL.reinterpret(Long.MAX_VALUE, arena, null);
    /** XORed into every handle (see {@code Checks.newSalt}): another store's handles decode to noise. */
    private final long salt = Checks.newSalt();
    private final long maxBytes;
    private ChunkTable table = ChunkTable.EMPTY;
    /** The allocations of each chunk, by chunk index (see {@link Log}). */
    private Log[] logs = new Log[0];
    /** Index of the chunk the bump pointer is in, or -1 before the first allocation. */
    private int current = -1;
    private MemorySegment currentChunk;
    /** The bump pointer: the first free offset of the current chunk. */
    private long bump;
    /** The highest the bump pointer has been in the current chunk. */
    private long highWater;
    private int epoch;
    /** The log of the current chunk, or null before the first allocation. */
    private Log currentLog;
    /**
     * The bump pointer never moves back below this offset of the current chunk: the high water mark
     * when the epochs last wrapped, so that an (epoch, offset) pair of an earlier cycle never comes back.
     */
    private long floor;
    private long nextChunkSize;
    private long reservedBytes;

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
    long allocateBytes(long byteSize, long byteAlignment) {
        return bumpAllocate(byteSize, byteAlignment, "allocate");
    }

    /**
     * Marks the allocation freed; the allocation that ends at the bump pointer, and the freed ones
     * right below it, also give their memory back (see the class comment).
     */
    @Override
    void deallocateBytes(long handle, long byteSize, long byteAlignment) {
        Log log = logOf(handle);
        int entry = requireLive(log, handle, byteSize, "deallocate");
        long offset = (handle ^ salt) & OFFSET_MASK;
        if (!atBump(log, entry, offset, byteSize)) {
            log.entries[2 * entry + 1] = ~byteSize;
            return;
        }
        log.count--;
        while (log.count > 0 && log.entries[2 * log.count - 1] < 0
                && (log.entries[2 * log.count - 2] & OFFSET_MASK) >= floor) {
            log.count--; // a freed allocation right below: its memory comes back too
            offset = log.entries[2 * log.count] & OFFSET_MASK;
        }
        rewind(offset);
    }

    /**
     * Whether the allocation at {@code entry} of {@code log} is the last of the current chunk, ends
     * at the bump pointer, and lies above the floor: the one allocation whose end may move.
     */
    private boolean atBump(Log log, int entry, long offset, long byteSize) {
        return log == currentLog && entry == log.count - 1 && offset + byteSize == bump && offset >= floor;
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        long[] bounds = table.bounds;
        long raw = handle ^ salt;
        int at = ((int) (raw >>> OFFSET_BITS) & CHUNK_MASK) << 1;
        long offset = raw & OFFSET_MASK;
        long room;
        if ((raw & Checks.TAG_BITS) != 0 || at >= bounds.length
                || (room = bounds[at + 1] - offset) < 0 || byteSize > room || byteSize < 0) {
            return resolveUnusual(handle, byteSize);
        }
        return all.asSlice(bounds[at] + offset, byteSize);
    }

    @Override
    RuntimeException refuse(long handle, long byteSize) {
        return foreign(handle, "resolve");
    }

    @Override
    long growBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        Log log = logOf(handle);
        int entry = requireLive(log, handle, oldByteSize, "grow");
        long offset = (handle ^ salt) & OFFSET_MASK;
        if (atBump(log, entry, offset, oldByteSize) && newByteSize <= currentChunk.byteSize() - offset) {
            bump = offset + newByteSize; // extend in place
            highWater = Math.max(highWater, bump);
            log.entries[2 * entry + 1] = newByteSize;
            return handle;
        }
        long moved = bumpAllocate(newByteSize, byteAlignment, "grow");
        MemorySegment.copy(resolve(handle, oldByteSize), 0, resolve(moved, oldByteSize), 0, oldByteSize);
        log.entries[2 * entry + 1] = ~oldByteSize; // the old place is not reused, but its handle is dead
        return moved;
    }

    @Override
    long shrinkBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        Log log = logOf(handle);
        int entry = requireLive(log, handle, oldByteSize, "shrink");
        long offset = (handle ^ salt) & OFFSET_MASK;
        if (atBump(log, entry, offset, oldByteSize)) {
            bump = offset + newByteSize;
        }
        log.entries[2 * entry + 1] = newByteSize;
        return handle;
    }

    /** Frees every chunk: every handle and pointer of this store is stale afterwards. */
    @Override
    void releaseMemory() {
        table = ChunkTable.EMPTY;
        logs = new Log[0];
        current = -1;
        currentChunk = null;
        currentLog = null;
        arena.close();
    }

    /** Bytes of native memory taken from the system for chunks (not the bytes handed out). */
    public long reservedBytes() {
        return reservedBytes;
    }

    @Override
    public String toString() {
        return "ArenaStore[" + (closed ? "closed" : table.chunks.length + " chunks, " + reservedBytes
                + " bytes reserved, " + (current < 0 ? 0 : bump) + " used in the current chunk") + "]";
    }

    /** Moves the bump pointer back to {@code offset}, in a new epoch (see the class comment). */
    private void rewind(long offset) {
        bump = offset;
        epoch = (epoch + 1) & EPOCH_MASK;
        if (epoch == 0) {
            // The epochs wrapped: from now on, only offsets never used in this chunk are handed out.
            bump = highWater;
            floor = highWater;
        }
    }

    /** A new allocation's handle, recorded in its chunk's log. */
    private long issue(int chunk, long offset, long byteSize) {
        long raw = ((long) epoch << EPOCH_SHIFT) | ((long) chunk << OFFSET_BITS) | offset;
        logs[chunk].append(raw, byteSize);
        return raw ^ salt;
    }

    private long bumpAllocate(long byteSize, long byteAlignment, String operation) {
        if (current >= 0) {
            long start = alignedOffset(currentChunk, bump, byteAlignment);
            if (start >= 0 && byteSize <= currentChunk.byteSize() - start) {
                bump = start + byteSize;
                highWater = Math.max(highWater, bump);
                return issue(current, start, byteSize);
            }
        }
        long target = nextChunkSize;
        if (byteSize > target / 4 && current >= 0) {
            // A big allocation gets a chunk of its own; the current chunk keeps serving small ones.
            int index = addChunk(byteSize, byteAlignment, operation);
            return issue(index, 0, byteSize);
        }
        long size = Math.max(target, byteSize);
        int index = addChunk(size, byteAlignment, operation);
        current = index;
        currentChunk = table.chunks[index];
        currentLog = logs[index];
        bump = byteSize;
        highWater = byteSize;
        floor = 0;
        nextChunkSize = Math.min(MAX_CHUNK_SIZE, target * 2);
        return issue(index, 0, byteSize);
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
        MemorySegment[] chunks = table.chunks;
        if (chunks.length == MAX_CHUNKS) {
            throw new StoreExhaustedException(operation + ": " + this + " has " + MAX_CHUNKS
                    + " chunks, the most its handles can name");
        }
        MemorySegment chunk;
        try {
            chunk = arena.allocate(size, Math.max(CHUNK_ALIGNMENT, byteAlignment));
        } catch (OutOfMemoryError e) {
            throw new StoreExhaustedException(operation + ": the system could not provide a chunk of "
                    + size + " bytes for " + this);
        }
        MemorySegment[] grown = Arrays.copyOf(chunks, chunks.length + 1);
        grown[chunks.length] = chunk;
        long[] bounds = Arrays.copyOf(table.bounds, grown.length * 2);
        bounds[chunks.length * 2] = chunk.address();
        bounds[chunks.length * 2 + 1] = chunk.byteSize();
        table = new ChunkTable(grown, bounds);
        logs = Arrays.copyOf(logs, grown.length);
        logs[chunks.length] = new Log();
        reservedBytes += size;
        return chunks.length;
    }

    /** The first offset at or after {@code from} whose address is aligned, or -1 on overflow. */
    private static long alignedOffset(MemorySegment chunk, long from, long byteAlignment) {
        long address = chunk.address() + from;
        long aligned = (address + byteAlignment - 1) & -byteAlignment;
        return aligned < address ? -1 : aligned - chunk.address();
    }

    /** The log of the chunk a handle names, or null for a handle that names none (or is tagged). */
    private Log logOf(long handle) {
        long raw = handle ^ salt;
        int chunk = (int) (raw >>> OFFSET_BITS) & CHUNK_MASK;
        return (raw & Checks.TAG_BITS) != 0 || chunk >= logs.length ? null : logs[chunk];
    }

    /**
     * The handle is a live allocation of exactly {@code byteSize} bytes (its epoch included, so a
     * handle of an allocation that was rewound does not pass for the one made at its place since):
     * its index in {@code log}. Otherwise throws, changing nothing.
     */
    private int requireLive(Log log, long handle, long byteSize, String operation) {
        long raw = handle ^ salt;
        int entry = log == null ? -1
                : log.count > 0 && log.entries[2 * log.count - 2] == raw ? log.count - 1 // freed newest first
                : log.find(raw & OFFSET_MASK);
        if (entry < 0 || log.entries[2 * entry] != raw) {
            throw foreign(handle, operation);
        }
        long recorded = log.entries[2 * entry + 1];
        if (recorded < 0) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " of " + this
                    + " was freed (or grown: the handle grow returned is the live one)");
        }
        if (recorded != byteSize) {
            throw new IllegalArgumentException(operation + ": handle " + Checks.hex(handle) + " of " + this
                    + " holds " + recorded + " bytes, but the call says " + byteSize);
        }
        return entry;
    }

    private RuntimeException foreign(long handle, String operation) {
        return new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                + " was not issued by " + this + " (foreign, stale or corrupt)");
    }
}
