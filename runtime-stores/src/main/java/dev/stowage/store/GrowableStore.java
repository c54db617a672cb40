package dev.stowage.store;

import dev.stowage.qual.Multiple;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One contiguous native buffer that doubles by copying when it is full. A handle names an entry of
 * a table that records the allocation's offset in the buffer and its size, so handles survive every
 * move of the buffer; pointers do not.
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
 * Not thread-safe; any thread may close it.
 *
 * <p><b>Safe for any argument.</b> A handle is an entry number and that entry's generation
 * ({@code generation << 29 | entry}, XORed with a random per-store salt so that another store's
 * handles decode to noise); the generation goes up at every allocate, grow and shrink, a free entry
 * records it negated so that no handle matches, and an entry whose generation would wrap is retired. Every
 * operation checks the handle against the entry (one array read), so a freed, stale or foreign
 * handle, or a double free, throws {@link StaleHandleException} and changes nothing; {@code resolve}
 * refuses more bytes than the allocation holds and slices the buffer (bounds-checked), so no handle
 * reaches memory outside a live allocation. Sizes passed back must be the allocation's
 * ({@link IllegalArgumentException} otherwise). All size arithmetic is overflow-safe.
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
public final class GrowableStore extends AbstractStore implements CompactingStore {

    /** The capacity of the first buffer unless the constructor says otherwise. */
    public static final long DEFAULT_INITIAL_CAPACITY = 1024;
    /** Offsets stay below 2^40. */
    static final long MAX_CAPACITY = 1L << 40;
    static final int ENTRY_BITS = 29;
    private static final int ENTRY_MASK = (1 << ENTRY_BITS) - 1;
    /** An entry whose generation reaches this is retired rather than reused. */
    static final int DEFAULT_RETIRE_GENERATION = Integer.MAX_VALUE;
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
    private final int retireGeneration;
    /** XORed into every handle (see {@code Checks.newSalt}): another store's handles decode to noise. */
    private final long salt = Checks.newSalt();
    /**
     * The allocation table: generation, offset and size of each entry. The generation is that of the
     * entry's handle (1, 2, ...) while in use; minus one minus the last one while free (-1 if never
     * used), so that no handle matches a free entry.
     */
    private int[] generations = filledWithMinusOne(16);
    private long[] offsets = new long[16];
    private long[] sizes = new long[16];
    private int[] nextFreeEntry = new int[16];
    private int entryCount;
    private int freeEntry = -1;
    private long moves;

    /** A store with a {@link #DEFAULT_INITIAL_CAPACITY}-byte first buffer and no limit. */
    public GrowableStore() {
        this(DEFAULT_INITIAL_CAPACITY, MAX_CAPACITY);
    }

    /**
     * @param initialCapacity the size of the first buffer (positive), taken at the first allocation
     * @param maxBytes the largest the buffer may become; beyond it {@link StoreExhaustedException}
     */
    public GrowableStore(long initialCapacity, long maxBytes) {
        this(initialCapacity, maxBytes, DEFAULT_RETIRE_GENERATION);
    }

    /** As the public constructor, with the generation at which an entry retires (for tests). */
    GrowableStore(long initialCapacity, long maxBytes, int retireGeneration) {
        this.retireGeneration = retireGeneration;
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
    long allocateBytes(long byteSize, long byteAlignment) {
        int entry = reserveEntry();
        long offset = place(byteSize, byteAlignment, "allocate");
        return issue(entry, offset, byteSize);
    }

    @Override
    void deallocateBytes(long handle, long byteSize, long byteAlignment) {
        int entry = requireAllocated(handle, byteSize, "deallocate");
        release(offsets[entry], byteSize);
        retire(entry);
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        long raw = handle ^ salt;
        int entry = (int) raw & ENTRY_MASK;
        int[] gens = generations;
        if (entry >= gens.length || gens[entry] != raw >>> ENTRY_BITS
                || Long.compareUnsigned(byteSize, sizes[entry]) > 0) {
            return resolveUnusual(handle, byteSize);
        }
        return buffer.asSlice(offsets[entry], byteSize);
    }

    @Override
    RuntimeException refuse(long handle, long byteSize) {
        int entry = entryOf(handle);
        if (entry >= 0) {
            return new IllegalArgumentException("resolve: byteSize " + byteSize + " exceeds the "
                    + sizes[entry] + " bytes of handle " + Checks.hex(handle) + " in " + this);
        }
        return new StaleHandleException("resolve: handle " + Checks.hex(handle)
                + " is not a live allocation of " + this + " (freed, stale or foreign)");
    }

    @Override
    long growBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        int entry = requireAllocated(handle, oldByteSize, "grow");
        long offset = offsets[entry];
        int next = reserveEntry();
        if (offset + oldByteSize == top) { // the topmost allocation: extend it in place
            if (newByteSize > MAX_CAPACITY - offset) {
                throw exhausted("grow", newByteSize);
            }
            long newTop = offset + newByteSize;
            if (newTop > buffer.byteSize()) {
                moveBuffer(newCapacity(newTop, "grow"), bufferAlignment);
            }
            top = newTop;
            return reissue(entry, next, offset, newByteSize);
        }
        long moved = place(newByteSize, byteAlignment, "grow");
        MemorySegment.copy(buffer, offset, buffer, moved, oldByteSize);
        release(offset, oldByteSize);
        return reissue(entry, next, moved, newByteSize);
    }

    @Override
    long shrinkBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        int entry = requireAllocated(handle, oldByteSize, "shrink");
        long offset = offsets[entry];
        int next = reserveEntry();
        if (newByteSize < oldByteSize) {
            release(offset + newByteSize, oldByteSize - newByteSize);
        }
        return reissue(entry, next, offset, newByteSize);
    }

    /**
     * Moves everything to a new buffer just big enough for the allocations in use (up to the top).
     * Handles survive; every pointer resolved before is stale, and throws when used.
     */
    @Override
    public void compact() {
        requireOpen();
        if (bufferArena != null) {
            moveBuffer(Math.max(top, 1), bufferAlignment);
        }
    }

    /** Frees the buffer: every handle and pointer of this store is stale afterwards. */
    @Override
    void releaseMemory() {
        if (bufferArena != null) {
            bufferArena.close();
        }
        buffer = MemorySegment.NULL;
        freeBlocks.clear();
        top = 0;
        generations = new int[0];
        entryCount = 0;
        freeEntry = -1;
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
        boolean withinLimit = byteSize <= maxBytes - start; // overflow-safe: both are below 2^41
        if (byteAlignment > bufferAlignment) {
            if (!withinLimit) {
                throw exhausted(operation, byteSize);
            }
            // Offsets are only as aligned as the buffer: move to a more aligned one (checking the
            // limit first, so that a failure changes nothing).
            moveBuffer(newCapacity(start + byteSize, operation), byteAlignment);
            return takeTop(start, byteSize);
        }
        if (bufferArena != null && byteSize <= buffer.byteSize() - start) {
            return takeTop(start, byteSize);
        }
        for (Map.Entry<Long, Long> block : freeBlocks.entrySet()) {
            long offset = block.getKey();
            long end = offset + block.getValue();
            long aligned = Checks.alignUp(offset, byteAlignment);
            if (aligned < end && byteSize <= end - aligned) {
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
        if (!withinLimit) {
            throw exhausted(operation, byteSize);
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

    private static int[] filledWithMinusOne(int length) {
        int[] array = new int[length];
        Arrays.fill(array, -1);
        return array;
    }

    /** The entry of a live handle, or -1. */
    private int entryOf(long handle) {
        long raw = handle ^ salt;
        int entry = (int) raw & ENTRY_MASK;
        return entry < generations.length && generations[entry] == raw >>> ENTRY_BITS ? entry : -1;
    }

    /** The entry of a live handle whose allocation holds {@code byteSize} bytes. */
    private int requireAllocated(long handle, long byteSize, String operation) {
        int entry = entryOf(handle);
        if (entry < 0) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                    + " is not a live allocation of " + this + " (freed, stale or foreign)");
        }
        if (sizes[entry] != byteSize) {
            throw new IllegalArgumentException(operation + ": handle " + Checks.hex(handle) + " of " + this
                    + " holds " + sizes[entry] + " bytes, but the call says " + byteSize);
        }
        return entry;
    }

    /** An entry for a new handle, taken before anything changes (so a failure changes nothing). */
    private int reserveEntry() {
        if (freeEntry >= 0) {
            return freeEntry;
        }
        if (entryCount > ENTRY_MASK) {
            throw new StoreExhaustedException(this + " has " + (ENTRY_MASK + 1)
                    + " allocations in use or retired, the most its handles can name");
        }
        if (entryCount == generations.length) {
            int capacity = entryCount * 2;
            generations = Arrays.copyOf(generations, capacity);
            Arrays.fill(generations, entryCount, capacity, -1);
            offsets = Arrays.copyOf(offsets, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            nextFreeEntry = Arrays.copyOf(nextFreeEntry, capacity);
        }
        return entryCount;
    }

    /** Records an allocation in the entry {@link #reserveEntry()} gave, and returns its handle. */
    private long issue(int entry, long offset, long byteSize) {
        if (entry == freeEntry) {
            freeEntry = nextFreeEntry[entry];
        } else {
            entryCount++;
        }
        int generation = -generations[entry]; // the next generation: in use
        generations[entry] = generation;
        offsets[entry] = offset;
        sizes[entry] = byteSize;
        return (((long) generation << ENTRY_BITS) | entry) ^ salt;
    }

    /** The handle of an allocation that moved or changed size: a new entry; the old one ends. */
    private long reissue(int oldEntry, int newEntry, long offset, long byteSize) {
        long handle = issue(newEntry, offset, byteSize);
        retire(oldEntry);
        return handle;
    }

    /** Ends an entry's handle; the entry is reused unless its generation would wrap. */
    private void retire(int entry) {
        int generation = generations[entry];
        generations[entry] = -generation - 1; // free: no handle matches
        if (generation < retireGeneration) {
            nextFreeEntry[entry] = freeEntry;
            freeEntry = entry;
        }
    }

    private StoreExhaustedException exhausted(String operation, long needed) {
        return new StoreExhaustedException(operation + ": " + needed + " bytes needed, more than the "
                + maxBytes + "-byte limit of " + this);
    }

}
