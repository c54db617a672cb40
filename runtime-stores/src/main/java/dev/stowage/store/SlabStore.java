package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Resolves;
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
 * {@link Arena}) that never move; {@link #close()} frees them all. The free list is an {@code int}
 * array beside the memory, so writing to a freed slot cannot corrupt it, and a bit per slot records
 * which slots are live, so freeing a slot twice, or freeing a handle the store never issued, throws
 * {@link StaleHandleException} instead of corrupting the list. A handle is the address of its slot:
 * {@link #resolve} slices a view of the address space in the arena's scope, with no lookup (it does
 * not check that the handle is a live slot: use a {@link CheckedStore} for that), and pointers die
 * when the store closes. Freeing finds the page from the address: pages are aligned to a power of
 * two, and a small open-addressing table maps a page's address to its number.
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
@Stable @Multiple
public final class SlabStore implements Store {

    private static final int MAX_SLOT_LIMIT = 1 << 29;
    private static final long TARGET_PAGE_BYTES = 64 * 1024;

    private final long slotSize;
    private final long slotAlignment;
    private final int pageShift;
    private final int pageMask;
    private final long pageBytes;
    /** Pages are aligned to this power of two, so a slot's address rounded down is its page's. */
    private final long pageAlignment;
    private final int pageAlignmentShift;
    /** log2 of the slot size if it is a power of two (a shift finds a slot), else -1 (a division). */
    private final int slotShift;
    private final int maxSlots;
    private final Arena arena = Arena.ofShared();
    /** The address space in the arena's scope: pointers are slices of it and die with the arena. */
    private final MemorySegment all = MemorySegment.NULL.reinterpret(Long.MAX_VALUE, arena, null);

    private MemorySegment[] pages = new MemorySegment[0];
    /** The address of each page, by page number. */
    private long[] pageBases = new long[0];
    /** Open addressing: page address -> page number + 1 (0 marks an empty entry). */
    private long[] tableKeys = new long[16];
    private int[] tableValues = new int[16];
    /** nextFree[slot]: the next slot of the free list, or -1. */
    private int[] nextFree = new int[0];
    /** One bit per slot: set while the slot is allocated. */
    private long[] live = new long[0];
    private int freeHead = -1;
    /** Slots handed out at least once; the next new slot is this one. */
    private int carved;
    private int liveCount;
    private boolean closed;

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
        long perPage = Math.max(1, TARGET_PAGE_BYTES / this.slotSize);
        int shift = 63 - Long.numberOfLeadingZeros(perPage); // round down to a power of two
        this.pageShift = shift;
        this.pageMask = (1 << shift) - 1;
        this.pageBytes = (1L << shift) * this.slotSize;
        long pageBytesRoundedUp = pageBytes == 1 ? 1 : Long.highestOneBit(pageBytes - 1) << 1;
        this.pageAlignment = Math.max(slotAlignment, pageBytesRoundedUp);
        this.pageAlignmentShift = Long.numberOfTrailingZeros(pageAlignment);
        this.slotShift = Long.bitCount(this.slotSize) == 1 ? Long.numberOfTrailingZeros(this.slotSize) : -1;
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
    public long dangling(long byteAlignment) {
        return Checks.dangling(byteAlignment);
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocate(long byteSize, long byteAlignment) {
        if (byteSize <= 0 || byteSize > slotSize || byteAlignment > slotAlignment
                || Long.bitCount(byteAlignment) != 1) {
            return allocateUnusual(byteSize, byteAlignment, "allocate");
        }
        int slot = freeHead;
        if (slot >= 0) {
            freeHead = nextFree[slot];
        } else {
            slot = carve();
        }
        live[slot >>> 6] |= 1L << slot;
        liveCount++;
        return pageBases[slot >>> pageShift] + (slot & pageMask) * slotSize;
    }

    private long allocateUnusual(long byteSize, long byteAlignment, String operation) {
        requireOpen();
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        requireSlotAlignment(byteAlignment, operation);
        if (byteSize == 0) {
            return Checks.dangling(byteAlignment);
        }
        throw new StoreExhaustedException(operation + ": " + byteSize + " bytes do not fit a slot of "
                + slotSize + " bytes of " + this);
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocateZeroed(long byteSize, long byteAlignment) {
        long handle = allocate(byteSize, byteAlignment);
        if (byteSize > 0) {
            resolve(handle, byteSize).fill((byte) 0);
        }
        return handle;
    }

    @Override
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        int slot = slotOf(handle);
        if (byteSize <= 0 || byteSize > slotSize || byteAlignment > slotAlignment
                || Long.bitCount(byteAlignment) != 1 || slot < 0 || !isLive(slot)) {
            deallocateUnusual(handle, byteSize, byteAlignment);
            return;
        }
        live[slot >>> 6] &= ~(1L << slot);
        liveCount--;
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    private void deallocateUnusual(long handle, long byteSize, long byteAlignment) {
        requireOpen();
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        requireSlotAlignment(byteAlignment, "deallocate");
        if (byteSize == 0) {
            return;
        }
        if (byteSize > slotSize) {
            throw new IllegalArgumentException("deallocate: " + byteSize + " bytes is more than a slot ("
                    + slotSize + ") of " + this + ": not the size handle " + Checks.hex(handle)
                    + " was allocated with");
        }
        throw notLive(handle, "deallocate");
    }

    @Override
    @Resolves(handle = "#1")
    public MemorySegment resolve(long handle, long byteSize) {
        if (handle < ArenaStore.MIN_ADDRESS || handle >= ArenaStore.ADDRESS_LIMIT || closed) {
            return resolveUnusual(handle, byteSize);
        }
        return all.asSlice(handle, byteSize);
    }

    private MemorySegment resolveUnusual(long handle, long byteSize) {
        requireOpen();
        if (Checks.isDangling(handle)) {
            return Checks.resolveDangling(handle, byteSize, this);
        }
        throw notLive(handle, "resolve");
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireOpen();
        Checks.requireGrow(oldByteSize, newByteSize, byteAlignment);
        requireSlotAlignment(byteAlignment, "grow");
        if (oldByteSize == 0) {
            return allocate(newByteSize, byteAlignment);
        }
        requireLive(handle, "grow");
        if (newByteSize > slotSize) {
            throw new StoreExhaustedException("grow: " + newByteSize + " bytes do not fit a slot of "
                    + slotSize + " bytes of " + this);
        }
        return handle;
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
        requireSlotAlignment(byteAlignment, "shrink");
        if (oldByteSize == 0) {
            return handle;
        }
        requireLive(handle, "shrink");
        if (newByteSize == 0) {
            deallocate(handle, oldByteSize, byteAlignment);
            return Checks.dangling(byteAlignment);
        }
        return handle;
    }

    /** Frees every page: every handle and pointer of this store is stale afterwards. */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pages = new MemorySegment[0];
        pageBases = new long[0];
        tableKeys = new long[16];
        tableValues = new int[16];
        freeHead = -1;
        carved = 0;
        liveCount = 0;
        arena.close();
    }

    @Override
    public String toString() {
        return "SlabStore[" + slotSize + "-byte slots aligned " + slotAlignment + ", "
                + (closed ? "closed" : liveCount + " live of " + carved + " carved, "
                + pages.length + " pages") + "]";
    }

    private int carve() {
        requireOpen();
        if (carved >= maxSlots) { // the free list is empty: every carved slot is live
            throw new StoreExhaustedException("allocate: all " + maxSlots + " slots of " + this
                    + " are live");
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
            page = arena.allocate(pageBytes, Math.max(16, pageAlignment));
        } catch (OutOfMemoryError e) {
            throw new StoreExhaustedException("allocate: the system could not provide a page of "
                    + pageBytes + " bytes for " + this);
        }
        int slots = (pages.length + 1) << pageShift;
        nextFree = Arrays.copyOf(nextFree, slots);
        live = Arrays.copyOf(live, (slots + 63) >>> 6);
        pages = Arrays.copyOf(pages, pages.length + 1);
        pages[pages.length - 1] = page;
        pageBases = Arrays.copyOf(pageBases, pages.length);
        pageBases[pages.length - 1] = page.address();
        if (pages.length * 2 > tableKeys.length) {
            rehash(tableKeys.length * 2);
        }
        insert(page.address(), pages.length - 1);
    }

    private void rehash(int capacity) {
        long[] oldKeys = tableKeys;
        int[] oldValues = tableValues;
        tableKeys = new long[capacity];
        tableValues = new int[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                insert(oldKeys[i], oldValues[i] - 1);
            }
        }
    }

    private void insert(long pageBase, int pageNumber) {
        int mask = tableKeys.length - 1;
        int i = hash(pageBase) & mask;
        while (tableValues[i] != 0) {
            i = (i + 1) & mask;
        }
        tableKeys[i] = pageBase;
        tableValues[i] = pageNumber + 1;
    }

    private int hash(long pageBase) {
        long h = (pageBase >>> pageAlignmentShift) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    /** The slot a handle names, or -1 if it is not the address of a slot of this store. */
    private int slotOf(long handle) {
        long pageBase = handle & -pageAlignment;
        int mask = tableKeys.length - 1;
        int i = hash(pageBase) & mask;
        int pageNumber;
        while (true) {
            int value = tableValues[i];
            if (value == 0) {
                return -1;
            }
            if (tableKeys[i] == pageBase) {
                pageNumber = value - 1;
                break;
            }
            i = (i + 1) & mask;
        }
        long offset = handle - pageBase;
        long inPage = slotShift >= 0 ? offset >>> slotShift : offset / slotSize;
        if (inPage > pageMask || inPage * slotSize != offset) {
            return -1;
        }
        return (pageNumber << pageShift) | (int) inPage;
    }

    private boolean isLive(int slot) {
        return slot < carved && (live[slot >>> 6] & (1L << slot)) != 0;
    }

    private void requireLive(long handle, String operation) {
        int slot = slotOf(handle);
        if (slot < 0 || !isLive(slot)) {
            throw notLive(handle, operation);
        }
    }

    private void requireSlotAlignment(long byteAlignment, String operation) {
        if (byteAlignment > slotAlignment) {
            throw new IllegalArgumentException(operation + ": alignment " + byteAlignment
                    + " is stricter than the slot alignment " + slotAlignment + " of " + this);
        }
    }

    private StaleHandleException notLive(long handle, String operation) {
        return new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                + " is not a live allocation of " + this + " (freed, foreign or corrupt)");
    }

    private void requireOpen() {
        if (closed) {
            throw Checks.closed(this);
        }
    }
}
