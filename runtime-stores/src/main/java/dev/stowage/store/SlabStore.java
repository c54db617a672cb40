package dev.stowage.store;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.Stable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Fixed-size slots with a free list, for many small allocations of one size: allocating and
 * freeing are a few array operations, with no allocation on the Java heap.
 *
 * <p>Guarantees: {@code @Stable @Multiple}. Slots live in pages of native memory (from a shared
 * {@link Arena}) that never move; {@link #close()} frees them all. The bookkeeping lives on the Java
 * heap beside the memory (12 bytes per slot: its generation, and its address while live or the next
 * free slot while free), so writing to a freed slot cannot corrupt it.
 *
 * <p><b>Safe for any argument.</b> A handle is a slot number and that slot's generation
 * ({@code generation << 29 | slot}, XORed with a random per-store salt so that another store's
 * handles decode to noise); the slot's generation goes up by one at each allocation, and a free
 * slot records it negated, so no handle matches it. {@link #resolve}, {@link #deallocate}, {@link #grow} and
 * {@link #shrink} compare the handle's generation with the slot's (one array read; {@code resolve}
 * then reads the slot's address beside it), so a freed,
 * stale or foreign handle, or a double free, throws {@link StaleHandleException} and changes
 * nothing; a valid handle resolves to a slice of its own slot (of one arena-scoped view of the
 * address space, made once with the restricted {@code reinterpret}, never at an address the caller
 * gave), and pointers die when the store closes. A slot whose generation reaches the top of the
 * {@code int} range is retired rather than reused, so a generation never wraps around into a false
 * "valid".
 *
 * <p>Requests must fit a slot: a size above {@link #slotSize()} throws
 * {@link StoreExhaustedException} (from {@code allocate} or {@code grow}), an alignment above
 * {@link #slotAlignment()} throws {@link IllegalArgumentException}. Growing or shrinking within the
 * slot returns the same handle (the old handle is still stale by contract). Zero-byte requests
 * return dangling handles. Not thread-safe; any thread may close it.
 *
 * <pre>{@code
 * try (SlabStore nodes = new SlabStore(32, 8)) {
 *     long node = nodes.allocate(32, 8);
 *     nodes.resolve(node, 32).set(ValueLayout.JAVA_LONG, 0, 42);
 *     nodes.deallocate(node, 32, 8);        // the slot is reused by the next allocate
 * }
 * }</pre>
 */
@SuppressWarnings("restricted") // one arena-scoped view, sliced only at live slots (see resolve)
@Stable @Multiple
public final class SlabStore extends AbstractStore {

    private static final int MAX_SLOT_LIMIT = 1 << 29;
    static final int SLOT_BITS = 29;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final long TARGET_PAGE_BYTES = 64 * 1024;
    /** A slot freed with this generation is retired: its next generation would wrap. */
    static final int DEFAULT_RETIRE_GENERATION = Integer.MAX_VALUE;

    private final long slotSize;
    private final long slotAlignment;
    private final int pageShift;
    private final int pageMask;
    private final long pageBytes;
    private final long pageAlignment;
    private final int maxSlots;
    private final int retireGeneration;
    private final Arena arena = Arena.ofShared();
    /** XORed into every handle (see {@code Checks.newSalt}): another store's handles decode to noise. */
    private final long salt = Checks.newSalt();

    /**
     * The address space in the arena's scope: resolve slices it at the address of a slot it checked
     * is live (one loop-invariant segment keeps resolve as cheap as a raw access).
     */
    private final MemorySegment all = MemorySegment.NULL.reinterpret(Long.MAX_VALUE, arena, null);
    private MemorySegment[] pages = new MemorySegment[0];
    /** The address of each page. */
    private long[] pageBases = new long[0];
    /**
     * generations[slot]: while the slot is allocated, the generation in its handle (1, 2, ...);
     * while it is free, minus one minus the last generation (-1 for a slot never used), so that no
     * handle (whose generation is never negative) matches a free slot.
     */
    private int[] generations = new int[0];
    /**
     * addresses[slot]: while the slot is allocated, its address, so that resolve reads one element
     * beside the generation instead of looking its page up (a page lookup, a variable shift and a
     * second bounds check cost resolve 25-30% over a raw access; this costs 4 more heap bytes per slot
     * than a free list of ints); while it is free, the next slot of the free list (or -1) with bit 63
     * set. Negative on purpose: were a free slot ever sliced (it never is: resolve checks the
     * generation first), {@code asSlice} would throw instead of reading a small address.
     */
    private long[] addresses = new long[0];
    private int freeHead = -1;
    /** Slots handed out at least once; the next new slot is this one. */
    private int carved;
    private int liveCount;
    private int retiredCount;

    /** Slots of {@code slotSize} bytes aligned to {@code slotAlignment}, with no limit on their number. */
    public SlabStore(long slotSize, long slotAlignment) {
        this(slotSize, slotAlignment, MAX_SLOT_LIMIT);
    }

    /** Slots that fit {@code layout}. */
    public SlabStore(MemoryLayout layout) {
        this(layout.byteSize(), layout.byteAlignment());
    }

    /**
     * @param slotSize the most bytes one allocation may take (positive)
     * @param slotAlignment the strictest alignment an allocation may ask for (a power of two)
     * @param maxSlots how many allocations may be live at once; one more throws
     *     {@link StoreExhaustedException}
     */
    public SlabStore(long slotSize, long slotAlignment, int maxSlots) {
        this(slotSize, slotAlignment, maxSlots, DEFAULT_RETIRE_GENERATION);
    }

    /** As the public constructor, with the generation at which a freed slot retires (for tests). */
    SlabStore(long slotSize, long slotAlignment, int maxSlots, int retireGeneration) {
        Checks.requireAlignment(slotAlignment);
        if (slotSize <= 0 || slotSize > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("slotSize must be in 1.." + Integer.MAX_VALUE / 2
                    + ", got " + slotSize);
        }
        if (maxSlots <= 0 || maxSlots > MAX_SLOT_LIMIT) {
            throw new IllegalArgumentException("maxSlots must be in 1.." + MAX_SLOT_LIMIT + ", got " + maxSlots);
        }
        this.slotSize = Checks.alignUp(slotSize, slotAlignment);
        this.slotAlignment = slotAlignment;
        this.maxSlots = maxSlots;
        this.retireGeneration = retireGeneration;
        long perPage = Math.max(1, TARGET_PAGE_BYTES / this.slotSize);
        int shift = 63 - Long.numberOfLeadingZeros(perPage); // round down to a power of two
        this.pageShift = shift;
        this.pageMask = (1 << shift) - 1;
        this.pageBytes = (1L << shift) * this.slotSize;
        this.pageAlignment = Math.max(16, slotAlignment);
    }

    /** The size of a slot: the most one allocation may take. */
    public long slotSize() {
        return slotSize;
    }

    /** The strictest alignment an allocation may ask for. */
    public long slotAlignment() {
        return slotAlignment;
    }

    /** How many allocations are live. */
    public int liveCount() {
        return liveCount;
    }

    @Override
    public long allocate(long byteSize, long byteAlignment) {
        if (byteSize <= 0 || byteSize > slotSize || byteAlignment > slotAlignment
                || Long.bitCount(byteAlignment) != 1) {
            return super.allocate(byteSize, byteAlignment); // the checks, zero bytes, a closed store
        }
        return allocateBytes(byteSize, byteAlignment);
    }

    @Override
    long allocateBytes(long byteSize, long byteAlignment) {
        if (byteSize > slotSize) {
            throw new StoreExhaustedException("allocate: " + byteSize + " bytes do not fit a slot of "
                    + slotSize + " bytes of " + this);
        }
        int slot = freeHead;
        if (slot >= 0) {
            freeHead = (int) addresses[slot]; // the low 32 bits: the next free slot, or -1
        } else {
            slot = carve();
        }
        addresses[slot] = pageBases[slot >>> pageShift] + (slot & pageMask) * slotSize; // before it is live
        int generation = -generations[slot];
        generations[slot] = generation;
        liveCount++;
        return (((long) generation << SLOT_BITS) | slot) ^ salt;
    }

    @Override
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        long raw = handle ^ salt;
        int slot = (int) raw & SLOT_MASK;
        int[] gens = generations;
        if (byteSize <= 0 || byteSize > slotSize || byteAlignment > slotAlignment
                || Long.bitCount(byteAlignment) != 1 || slot >= gens.length
                || gens[slot] != raw >>> SLOT_BITS) {
            super.deallocate(handle, byteSize, byteAlignment); // checks, then deallocateBytes refuses
            return;
        }
        free(slot);
    }

    @Override
    void deallocateBytes(long handle, long byteSize, long byteAlignment) {
        requireFitsSlot(handle, byteSize, "deallocate");
        requireLive(handle, "deallocate");
        free((int) (handle ^ salt) & SLOT_MASK);
    }

    private void free(int slot) {
        int generation = generations[slot];
        generations[slot] = -generation - 1;
        liveCount--;
        if (generation < retireGeneration) {
            addresses[slot] = Long.MIN_VALUE | freeHead; // negative, whatever freeHead is (see addresses)
            freeHead = slot;
        } else {
            retiredCount++; // the next generation would wrap: never hand this slot out again
        }
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        long raw = handle ^ salt;
        int slot = (int) raw & SLOT_MASK;
        int[] gens = generations;
        long[] at = addresses;
        if (slot >= at.length || gens[slot] != raw >>> SLOT_BITS || byteSize > slotSize) {
            return resolveUnusual(handle, byteSize);
        }
        return all.asSlice(at[slot], byteSize); // a live slot: its address (see addresses)
    }

    @Override
    RuntimeException refuse(long handle, long byteSize) {
        if (isLive(handle)) {
            return new IllegalArgumentException("resolve: byteSize " + byteSize + " is more than a slot ("
                    + slotSize + ") of " + this);
        }
        return notLive(handle, "resolve");
    }

    /** Within the slot: the same handle (the old one is still stale by contract). */
    @Override
    long growBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireLive(handle, "grow");
        if (newByteSize > slotSize) {
            throw new StoreExhaustedException("grow: " + newByteSize + " bytes do not fit a slot of "
                    + slotSize + " bytes of " + this);
        }
        return handle;
    }

    @Override
    long shrinkBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireLive(handle, "shrink");
        requireFitsSlot(handle, oldByteSize, "shrink");
        return handle;
    }

    @Override
    void requireStoreAlignment(long byteAlignment, String operation) {
        if (byteAlignment > slotAlignment) {
            throw new IllegalArgumentException(operation + ": alignment " + byteAlignment
                    + " is stricter than the slot alignment " + slotAlignment + " of " + this);
        }
    }

    /** Frees every page: every handle and pointer of this store is stale afterwards. */
    @Override
    void releaseMemory() {
        pages = new MemorySegment[0];
        pageBases = new long[0];
        generations = new int[0];
        addresses = new long[0];
        freeHead = -1;
        carved = 0;
        liveCount = 0;
        arena.close();
    }

    @Override
    public String toString() {
        return "SlabStore[" + slotSize + "-byte slots aligned " + slotAlignment + ", "
                + (closed ? "closed" : liveCount + " live of " + carved + " carved, "
                + (retiredCount > 0 ? retiredCount + " retired, " : "") + pages.length + " pages") + "]";
    }

    private int carve() {
        requireOpen();
        if (carved >= maxSlots) { // the free list is empty: every carved slot is live or retired
            throw new StoreExhaustedException("allocate: all " + maxSlots + " slots of " + this
                    + " are live" + (retiredCount > 0 ? " or retired" : ""));
        }
        int slot = carved;
        if (slot >>> pageShift == pages.length) {
            addPage();
        }
        carved++;
        return slot;
    }

    private void addPage() {
        MemorySegment page;
        try {
            page = arena.allocate(pageBytes, pageAlignment);
        } catch (OutOfMemoryError e) {
            throw new StoreExhaustedException("allocate: the system could not provide a page of "
                    + pageBytes + " bytes for " + this);
        }
        int slots = (pages.length + 1) << pageShift;
        long[] grownAddresses = Arrays.copyOf(addresses, slots); // both arrays the same length, always
        Arrays.fill(grownAddresses, generations.length, slots, Long.MIN_VALUE); // never used: no address
        int used = generations.length;
        generations = Arrays.copyOf(generations, slots);
        Arrays.fill(generations, used, slots, -1); // never used: no handle matches
        pages = Arrays.copyOf(pages, pages.length + 1);
        pages[pages.length - 1] = page;
        pageBases = Arrays.copyOf(pageBases, pages.length);
        pageBases[pages.length - 1] = page.address();
        addresses = grownAddresses; // last: resolve bounds-checks the slot against this array
    }

    /** The handle names an allocated slot with its current generation. */
    private boolean isLive(long handle) {
        long raw = handle ^ salt;
        int slot = (int) raw & SLOT_MASK;
        return slot < generations.length && generations[slot] == raw >>> SLOT_BITS;
    }

    private void requireLive(long handle, String operation) {
        if (!isLive(handle)) {
            throw notLive(handle, operation);
        }
    }

    /** A size that fits a slot (a slot does not record the exact size of its allocation). */
    private void requireFitsSlot(long handle, long byteSize, String operation) {
        if (byteSize > slotSize) {
            throw new IllegalArgumentException(operation + ": " + byteSize + " bytes is more than a slot ("
                    + slotSize + ") of " + this + ": not the size handle " + Checks.hex(handle)
                    + " was allocated with");
        }
    }

    private StaleHandleException notLive(long handle, String operation) {
        return new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                + " is not a live allocation of " + this + " (freed, foreign or corrupt)");
    }
}
