package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.PolyStore;
import dev.stowage.qual.SharedStore;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A debug wrapper that makes every stale use of a handle or pointer fail at once, exactly where
 * the invalidation table (docs/store-model.md) says the handle or pointer went stale.
 *
 * <p><b>Handles</b> carry a store id and a generation: {@code id << 42 | generation << 20 | slot}.
 * Neither ever wraps into a false "valid": ids are never reused (creating more than
 * {@value #MAX_ID} checked stores in one JVM throws {@link StoreExhaustedException}), and a slot
 * whose generation reaches the top of its 22 bits is retired, never reused.
 * A handle that was freed, grown, shrunk, invalidated by an {@code allocate} on a store that is not
 * {@code @Multiple}, or that belongs to a closed store, throws {@link StaleHandleException} when it
 * is passed to {@link #resolve}, {@link #deallocate}, {@link #grow} or {@link #shrink}; so does a
 * handle from another store (outside one sharing set) or a double free. The message names the
 * handle, the store, and why the handle is stale, with the source line that made it so.
 *
 * <p><b>Pointers</b> die the FFM way: every pointer {@link #resolve} returns is the wrapped store's
 * segment {@linkplain MemorySegment#reinterpret(Arena, java.util.function.Consumer) reinterpreted}
 * onto an {@link Arena} kept per (member, allocation), and that arena is closed the moment the table
 * says the pointer is stale. Any later access throws {@link IllegalStateException} ("Already
 * closed"). Memory the wrapped store keeps on the Java heap ({@link InlineStore}) cannot be
 * reinterpreted, so its pointers are backed by a native stand-in that is copied back to the heap
 * before every operation of the wrapped store, and dropped when its pointers die.
 *
 * <p><b>The table</b> comes from the qualifier annotations on the wrapped store's class, read by
 * {@link Guarantees#of}: the same annotations the checker reads. So {@code allocate} kills every
 * other handle unless the store is {@code @Multiple} and every pointer unless it is {@code @Stable};
 * {@code deallocate}, {@code grow} and {@code shrink} kill the handle passed and its pointers, and
 * the rest likewise; {@link #compact()} relocates (when the wrapped store is a
 * {@link CompactingStore}) and kills every pointer unless the store is {@code @Pinned}, even when the
 * wrapped store cannot relocate, so that code tested here does not depend on what one store happens
 * to do; {@link #close()} kills everything. Sizes and alignments passed back must be those the
 * allocation was made with, and {@code resolve} may not ask for more bytes than were allocated
 * ({@link IllegalArgumentException}).
 *
 * <p><b>Leaks</b>: {@link #outstanding()} lists the live allocations (with the line that made each);
 * after the last member is closed it lists those that were still live at that moment. A store made
 * with {@link #failingOnLeaks} also throws {@link StoreLeakException} from that {@code close()},
 * after releasing everything. Zero-byte allocations are {@linkplain #dangling dangling} handles
 * and never leak.
 *
 * <p><b>Durable stores</b>: over a {@link DurableStore} ({@link FileStore}) the durable operations
 * are forwarded with the same checks: {@link #allocateDurable} and {@link #allocateBulk} issue checked
 * handles, {@link #deallocateBulk} checks every handle (live, its size and alignment, no repeats)
 * before anything is freed, and each applies the table row of its {@code @Invalidates} effect on
 * the wrapped store's guarantees. Root slots hold plain {@code long}s and are forwarded unchanged;
 * a checked handle does not outlive this wrapper, so keep {@link #persistentHandle} of it in a root
 * and {@link #adopt} the root's value after a reopen. Over another store these methods throw
 * {@link UnsupportedOperationException}.
 *
 * <p><b>Sharing</b>: if the wrapped store is a {@link SharingStore}, {@link #share()} wraps a new
 * member of it; all members check handles against one ledger. Every method is synchronized on that
 * ledger, so the wrapper is thread-safe when the wrapped store is. It is a debugging tool: each
 * operation records the caller's source line and closing a pointer arena costs a thread handshake.
 *
 * <pre>{@code
 * try (CheckedStore store = new CheckedStore(new GrowableStore())) {
 *     long h = store.allocate(16, 8);
 *     MemorySegment p = store.resolve(h, 16);
 *     long other = store.allocate(64, 8);    // GrowableStore is not @Stable: p is dead
 *     p.get(ValueLayout.JAVA_LONG, 0);        // IllegalStateException: Already closed
 * }
 * }</pre>
 */
@SuppressWarnings("restricted") // native access is what this class is for (see docs/stores.md)
public final class CheckedStore implements SharingStore, CompactingStore, DurableStore {

    /** One live allocation, as {@link #outstanding()} reports it. */
    public record Allocation(long handle, long byteSize, long byteAlignment, String allocatedAt) {
        @Override
        public String toString() {
            return Checks.hex(handle) + " (" + byteSize + " bytes, aligned " + byteAlignment
                    + ") allocated at " + allocatedAt;
        }
    }

    /** Thrown by the last {@code close()} of a store made with {@link #failingOnLeaks}. */
    public static final class StoreLeakException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient List<Allocation> leaks;

        StoreLeakException(String message, List<Allocation> leaks) {
            super(message);
            this.leaks = leaks;
        }

        /** The allocations still live when the store was closed. */
        public List<Allocation> leaks() {
            return leaks;
        }
    }

    static final int ID_SHIFT = 42;
    static final int GENERATION_SHIFT = 20;
    static final long SLOT_MASK = (1L << GENERATION_SHIFT) - 1;
    static final int GENERATION_MASK = (1 << (ID_SHIFT - GENERATION_SHIFT)) - 1;
    static final int MAX_SLOTS = 1 << GENERATION_SHIFT;
    /** Ids use bits 42..61, so bits 62 and 63 of a handle stay clear (see {@link Checks}). */
    static final int MAX_ID = (1 << (62 - ID_SHIFT)) - 1;
    private static final int OBITUARY_LIMIT = 1 << 16;
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final Ledger ledger;
    private final Store inner;
    private final int memberNumber;
    /** Slot -> the arena of the pointers this member resolved for that allocation. */
    private final Map<Integer, Arena> pointerArenas = new HashMap<>();
    private boolean closed;

    /**
     * Wraps {@code inner}, which the wrapper owns from now on (closing the wrapper closes it).
     * Leaks are reported by {@link #outstanding()}.
     */
    public CheckedStore(@PolyStore Store inner) {
        this(new Ledger(inner, false), inner);
    }

    /** As {@link #CheckedStore(Store)}, and the last {@code close()} throws on leaks. */
    public static CheckedStore failingOnLeaks(@PolyStore Store inner) {
        return new CheckedStore(new Ledger(inner, true), inner);
    }

    /** As {@link #CheckedStore(Store)}, with slots retiring at {@code generation} (for tests). */
    static CheckedStore retiringSlotsAt(Store inner, int generation) {
        Ledger ledger = new Ledger(inner, false);
        ledger.retireGeneration = generation;
        return new CheckedStore(ledger, inner);
    }

    /** The id the next checked store will get (for tests of id exhaustion). */
    static int nextIdForTest() {
        return NEXT_ID.get() + 1;
    }

    /** Makes the next store id {@code next} (for tests of id exhaustion); ids already issued stay used. */
    static void setNextIdForTest(int next) {
        NEXT_ID.set(next - 1);
    }

    private CheckedStore(Ledger ledger, Store inner) {
        if (inner == null) {
            throw new NullPointerException("inner store");
        }
        this.ledger = ledger;
        this.inner = inner;
        this.memberNumber = ledger.members.size();
        ledger.members.add(this);
        ledger.openMembers++;
    }

    /** The wrapped store's guarantees, read from its class's qualifier annotations. */
    public Guarantees guarantees() {
        return ledger.guarantees;
    }

    /** The store this member wraps. Using it directly bypasses every check. */
    public Store inner() {
        return inner;
    }

    @Override
    public long dangling(long byteAlignment) {
        Checks.requireAlignment(byteAlignment);
        return encode(Long.numberOfTrailingZeros(byteAlignment), 0);
    }

    @Override
    public long allocate(long byteSize, long byteAlignment) {
        synchronized (ledger) {
            return allocate(byteSize, byteAlignment, false, "allocate");
        }
    }

    @Override
    public long allocateZeroed(long byteSize, long byteAlignment) {
        synchronized (ledger) {
            return allocate(byteSize, byteAlignment, true, "allocateZeroed");
        }
    }

    private long allocate(long byteSize, long byteAlignment, boolean zeroed, String operation) {
        requireOpen(operation);
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        ledger.requireFreeSlot(this);
        flushShadows();
        long innerHandle = 0;
        if (byteSize > 0) {
            innerHandle = zeroed ? inner.allocateZeroed(byteSize, byteAlignment)
                    : inner.allocate(byteSize, byteAlignment);
        }
        String site = callerSite();
        applyTable(operation, site, -1);
        return byteSize == 0 ? dangling(byteAlignment)
                : register(innerHandle, byteSize, byteAlignment, site);
    }

    @Override
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        synchronized (ledger) {
            requireOpen(handle, "deallocate");
            Checks.requireSizeAndAlignment(byteSize, byteAlignment);
            if (isDanglingHandle(handle)) {
                requireDanglingSize(handle, byteSize, "deallocate");
                applyTable("deallocate", callerSite(), -1);
                return;
            }
            int slot = liveSlot(handle, "deallocate");
            Entry entry = ledger.entries[slot];
            requireLayout(handle, entry, byteSize, byteAlignment, "deallocate");
            flushShadows();
            inner.deallocate(entry.innerHandle, byteSize, byteAlignment);
            String site = callerSite();
            kill(slot, "freed by deallocate at " + site);
            applyTable("deallocate", site, slot);
        }
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        synchronized (ledger) {
            requireOpen(handle, "resolve");
            Checks.requireResolveSize(byteSize);
            if (isDanglingHandle(handle)) {
                requireDanglingSize(handle, byteSize, "resolve");
                return MemorySegment.ofAddress(1L << (handle & SLOT_MASK));
            }
            int slot = liveSlot(handle, "resolve");
            Entry entry = ledger.entries[slot];
            if (byteSize > entry.byteSize) {
                throw new IllegalArgumentException("resolve: byteSize " + byteSize + " exceeds the "
                        + entry.byteSize + " bytes of handle " + Checks.hex(handle) + " in " + this);
            }
            Arena arena = pointerArenas.computeIfAbsent(slot, s -> Arena.ofShared());
            MemorySegment raw = inner.resolve(entry.innerHandle, byteSize);
            if (raw.isNative()) {
                return raw.reinterpret(arena, null);
            }
            if (entry.shadow == null) { // heap memory cannot be reinterpreted: a native stand-in
                MemorySegment all = inner.resolve(entry.innerHandle, entry.byteSize);
                entry.shadow = Arena.ofAuto().allocate(entry.byteSize, Math.max(8, entry.byteAlignment));
                entry.shadow.copyFrom(all);
                ledger.shadowed.add(entry);
            }
            return entry.shadow.asSlice(0, byteSize).reinterpret(arena, null);
        }
    }

    @Override
    public long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        synchronized (ledger) {
            requireOpen(handle, "grow");
            Checks.requireGrow(oldByteSize, newByteSize, byteAlignment);
            return resize(handle, oldByteSize, newByteSize, byteAlignment, "grow", false);
        }
    }

    @Override
    public long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        synchronized (ledger) {
            requireOpen(handle, "growZeroed");
            Checks.requireGrow(oldByteSize, newByteSize, byteAlignment);
            return resize(handle, oldByteSize, newByteSize, byteAlignment, "growZeroed", true);
        }
    }

    @Override
    public long shrink(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        synchronized (ledger) {
            requireOpen(handle, "shrink");
            Checks.requireShrink(oldByteSize, newByteSize, byteAlignment);
            return resize(handle, oldByteSize, newByteSize, byteAlignment, "shrink", false);
        }
    }

    private long resize(long handle, long oldByteSize, long newByteSize, long byteAlignment,
            String operation, boolean zeroed) {
        if (isDanglingHandle(handle)) {
            requireDanglingSize(handle, oldByteSize, operation);
            return allocate(newByteSize, byteAlignment, zeroed, operation);
        }
        int slot = liveSlot(handle, operation);
        Entry entry = ledger.entries[slot];
        requireLayout(handle, entry, oldByteSize, byteAlignment, operation);
        flushShadows();
        long innerHandle;
        if (operation.equals("shrink")) {
            innerHandle = inner.shrink(entry.innerHandle, oldByteSize, newByteSize, byteAlignment);
        } else if (zeroed) {
            innerHandle = inner.growZeroed(entry.innerHandle, oldByteSize, newByteSize, byteAlignment);
        } else {
            innerHandle = inner.grow(entry.innerHandle, oldByteSize, newByteSize, byteAlignment);
        }
        String site = callerSite();
        kill(slot, (operation.equals("shrink") ? "shrunk" : "grown") + " by " + operation + " at "
                + site + " (use the handle it returned)");
        applyTable(operation, site, slot);
        return newByteSize == 0 ? dangling(byteAlignment)
                : register(innerHandle, newByteSize, byteAlignment, site);
    }

    /**
     * Relocates: compacts the wrapped store if it is a {@link CompactingStore}, and in every case
     * kills every pointer unless the store is {@code @Pinned} (handles survive), as docs/store-model.md says of
     * relocation.
     */
    @Override
    public void compact() {
        synchronized (ledger) {
            requireOpen("compact");
            flushShadows();
            if (inner instanceof CompactingStore compacting) {
                compacting.compact();
            }
            Guarantees g = ledger.guarantees;
            if (Effect.RELOCATE.killsPointers(g.stable(), g.pinned())) {
                killAllPointers();
            }
        }
    }

    /**
     * Kills every pointer resolved from {@code handle}, through any member, leaving the handle and
     * the memory alone: what an {@code Effect.POINTERS} operation of a collection does (a vector's
     * {@code truncate}, {@code remove} or {@code clear}, a map's {@code remove}), so that a
     * collection over a checked store makes the pointers it handed out fail where the checker says
     * they are stale. A dangling handle has no pointers to kill.
     *
     * @throws StaleHandleException if the handle is stale or foreign
     */
    public void invalidatePointers(long handle) {
        synchronized (ledger) {
            requireOpen(handle, "invalidatePointers");
            if (isDanglingHandle(handle)) {
                return;
            }
            int slot = liveSlot(handle, "invalidatePointers");
            flushShadows(); // writes made through a heap stand-in must reach the heap before it is dropped
            killPointers(slot);
        }
    }

    // --- durable stores ----------------------------------------------------------------------

    /** The wrapped store as a durable store, or an {@link UnsupportedOperationException} naming the operation. */
    private DurableStore durable(String operation) {
        if (!(inner instanceof DurableStore d)) {
            throw new UnsupportedOperationException(operation + ": " + inner + " is not a DurableStore");
        }
        return d;
    }

    /** Forwards to the wrapped durable store (writes through a heap stand-in reach it first). */
    @Override
    public void sync() {
        synchronized (ledger) {
            requireOpen("sync");
            DurableStore d = durable("sync");
            flushShadows();
            d.sync();
        }
    }

    /** The wrapped store's root slot, unchanged (a persistent handle is not a handle of this wrapper: {@link #adopt} it). */
    @Override
    public long root(int slot) {
        synchronized (ledger) {
            requireOpen("root");
            return durable("root").root(slot);
        }
    }

    /** Sets the wrapped store's root slot to {@code value}, unchanged (keep {@link #persistentHandle}s there, not handles). */
    @Override
    public void setRoot(int slot, long value) {
        synchronized (ledger) {
            requireOpen("setRoot");
            durable("setRoot").setRoot(slot, value);
        }
    }

    @Override
    public void setRoots(long... values) {
        synchronized (ledger) {
            requireOpen("setRoots");
            durable("setRoots").setRoots(values);
        }
    }

    @Override
    public long allocateDurable(MemorySegment contents, long byteAlignment) {
        synchronized (ledger) {
            requireOpen("allocateDurable");
            DurableStore d = durable("allocateDurable");
            long byteSize = contents.byteSize();
            Checks.requireSizeAndAlignment(byteSize, byteAlignment);
            ledger.requireFreeSlot(this);
            flushShadows();
            long innerHandle = byteSize == 0 ? 0 : d.allocateDurable(contents, byteAlignment);
            String site = callerSite();
            applyTable(Effect.ALLOCATE, "allocateDurable", site, -1);
            return byteSize == 0 ? dangling(byteAlignment) : register(innerHandle, byteSize, byteAlignment, site);
        }
    }

    @Override
    public long[] allocateBulk(long[] byteSizes, long byteAlignment) {
        synchronized (ledger) {
            requireOpen("allocateBulk");
            DurableStore d = durable("allocateBulk");
            Checks.requireAlignment(byteAlignment);
            for (long size : byteSizes) Checks.requireSizeAndAlignment(size, byteAlignment);
            if ((long) MAX_SLOTS - ledger.slotCount + ledger.freeCount < byteSizes.length) {
                throw new StoreExhaustedException(this + " tracks " + MAX_SLOTS
                        + " live allocations, the most its handles can name; allocateBulk asks for " + byteSizes.length);
            }
            flushShadows();
            long[] innerHandles = d.allocateBulk(byteSizes, byteAlignment);
            String site = callerSite();
            applyTable(Effect.ALLOCATE, "allocateBulk", site, -1);
            long[] handles = new long[byteSizes.length];
            for (int i = 0; i < handles.length; i++) {
                handles[i] = byteSizes[i] == 0 ? dangling(byteAlignment)
                        : register(innerHandles[i], byteSizes[i], byteAlignment, site);
            }
            return handles;
        }
    }

    /**
     * Checks every handle (live, issued here, with its size and alignment, no repeats) before the
     * wrapped store frees anything; then every one of them and its pointers is stale, and the rest
     * of the {@code ALLOCATE} row applies.
     */
    @Override
    public void deallocateBulk(long[] handles, long[] byteSizes, long byteAlignment) {
        synchronized (ledger) {
            requireOpen("deallocateBulk");
            DurableStore d = durable("deallocateBulk");
            Checks.requireAlignment(byteAlignment);
            if (handles.length != byteSizes.length) {
                throw new IllegalArgumentException("deallocateBulk: " + handles.length + " handles but "
                        + byteSizes.length + " sizes");
            }
            List<Integer> slots = new ArrayList<>();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < handles.length; i++) {
                requireOpen(handles[i], "deallocateBulk");
                Checks.requireSizeAndAlignment(byteSizes[i], byteAlignment);
                if (isDanglingHandle(handles[i])) {
                    requireDanglingSize(handles[i], byteSizes[i], "deallocateBulk");
                    continue;
                }
                int slot = liveSlot(handles[i], "deallocateBulk");
                requireLayout(handles[i], ledger.entries[slot], byteSizes[i], byteAlignment, "deallocateBulk");
                if (!seen.add(slot)) {
                    throw new StaleHandleException("deallocateBulk: handle " + Checks.hex(handles[i])
                            + " appears twice (a double free) in " + this);
                }
                slots.add(slot);
            }
            long[] innerHandles = new long[slots.size()];
            long[] innerSizes = new long[slots.size()];
            for (int i = 0; i < innerHandles.length; i++) {
                innerHandles[i] = ledger.entries[slots.get(i)].innerHandle;
                innerSizes[i] = ledger.entries[slots.get(i)].byteSize;
            }
            flushShadows();
            d.deallocateBulk(innerHandles, innerSizes, byteAlignment);
            String site = callerSite();
            for (int slot : slots) {
                kill(slot, "freed by deallocateBulk at " + site);
            }
            applyTable(Effect.ALLOCATE, "deallocateBulk", site, -1);
        }
    }

    /**
     * The wrapped store's persistent handle for the live checked handle {@code handle}: what to keep
     * in a root slot or in the store's memory to {@link #adopt} after a restart.
     *
     * @throws StaleHandleException if {@code handle} is not live here (or is a dangling handle)
     */
    @Override
    public long persistentHandle(long handle) {
        synchronized (ledger) {
            requireOpen(handle, "persistentHandle");
            DurableStore d = durable("persistentHandle");
            if (isDanglingHandle(handle)) {
                throw new StaleHandleException("persistentHandle: handle " + Checks.hex(handle)
                        + " is a dangling handle of " + this + " and names no allocation to keep");
            }
            return d.persistentHandle(ledger.entries[liveSlot(handle, "persistentHandle")].innerHandle);
        }
    }

    /**
     * A checked handle for an allocation the wrapped store holds from an earlier session (found
     * through a root slot): checked by the wrapped store, then tracked like any allocation made
     * here (its size and alignment must be passed back as given).
     *
     * @throws StaleHandleException if the wrapped store holds no live allocation there, or one of
     *     this wrapper's live handles already names it (adopt it once)
     */
    @Override
    public long adopt(long persistentHandle, long byteSize, long byteAlignment) {
        synchronized (ledger) {
            requireOpen(persistentHandle, "adopt");
            DurableStore d = durable("adopt");
            Checks.requireSizeAndAlignment(byteSize, byteAlignment);
            ledger.requireFreeSlot(this);
            long innerHandle = d.adopt(persistentHandle, byteSize, byteAlignment);
            for (int slot = 0; slot < ledger.slotCount; slot++) {
                Entry entry = ledger.entries[slot];
                if (entry.live && entry.innerHandle == innerHandle) {
                    throw new StaleHandleException("adopt: " + Checks.hex(persistentHandle) + " of " + inner
                            + " is already live in " + this + " as handle " + Checks.hex(encode(slot, entry.generation))
                            + " (allocated at " + entry.allocatedAt + ")");
                }
            }
            return register(innerHandle, byteSize, byteAlignment, "adopt at " + callerSite());
        }
    }

    /**
     * A new member of the sharing set, wrapping a new member of the wrapped store.
     *
     * @throws UnsupportedOperationException if the wrapped store is not a {@link SharingStore}
     */
    @Override
    public @SharedStore SharingStore share() {
        synchronized (ledger) {
            requireOpen("share");
            if (!(inner instanceof SharingStore sharing)) {
                throw new UnsupportedOperationException("share: " + inner + " is not a SharingStore");
            }
            return new CheckedStore(ledger, sharing.share());
        }
    }

    /** True if {@code other} is a checked member of this sharing set (they check handles against one ledger). */
    @Override
    public boolean sharesWith(SharingStore other) {
        return other instanceof CheckedStore member && member.ledger == ledger;
    }

    /**
     * Closes this member: its pointers die and using it throws. When it is the last open member of
     * its sharing set, every handle dies, the wrapped store is closed and the allocations still live
     * are kept for {@link #outstanding()} (and thrown as a {@link StoreLeakException} by a store made
     * with {@link #failingOnLeaks}). Closing twice does nothing.
     */
    @Override
    public void close() {
        List<Allocation> leaks;
        synchronized (ledger) {
            if (closed) {
                return;
            }
            flushShadows();
            closed = true;
            ledger.closedAt.put(memberNumber, callerSite());
            for (Integer slot : new ArrayList<>(pointerArenas.keySet())) {
                closePointerArena(this, slot);
                dropShadowIfUnused(slot);
            }
            ledger.openMembers--;
            if (ledger.openMembers > 0) {
                inner.close();
                return;
            }
            leaks = liveAllocations();
            ledger.leaksAtClose = leaks;
            String site = ledger.closedAt.get(memberNumber);
            for (int slot = 0; slot < ledger.slotCount; slot++) {
                if (ledger.entries[slot].live) {
                    kill(slot, "its store was closed at " + site);
                }
            }
            inner.close();
        }
        if (ledger.failOnLeaks && !leaks.isEmpty()) {
            throw new StoreLeakException(this + " was closed with " + leaks.size()
                    + " allocation(s) never freed: " + leaks, leaks);
        }
    }

    /**
     * The allocations live now, in slot order; once the last member is closed, those that were
     * live at that moment (the leaks).
     */
    public List<Allocation> outstanding() {
        synchronized (ledger) {
            return ledger.leaksAtClose != null ? ledger.leaksAtClose : liveAllocations();
        }
    }

    /** Whether this member was closed. */
    public boolean isClosed() {
        synchronized (ledger) {
            return closed;
        }
    }

    @Override
    public String toString() {
        return "CheckedStore#" + ledger.id + (ledger.members.size() > 1 ? "." + memberNumber : "")
                + "(" + inner.getClass().getSimpleName() + (closed ? ", closed" : "") + ")";
    }

    // --- the ledger ---------------------------------------------------------------------------

    /** What every member of one sharing set checks handles against. */
    private static final class Ledger {
        final int id = nextId();
        final Guarantees guarantees;
        final boolean failOnLeaks;
        final List<CheckedStore> members = new ArrayList<>();
        /** A slot freed at this generation retires (GENERATION_MASK, lower in tests). */
        int retireGeneration = GENERATION_MASK;
        final Map<Integer, String> closedAt = new HashMap<>();
        final List<Entry> shadowed = new ArrayList<>();
        /** Why recently killed handles died, by handle; the oldest are forgotten. */
        final Map<Long, String> obituaries = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > OBITUARY_LIMIT;
            }
        };
        Entry[] entries = new Entry[16];
        int slotCount;
        int[] freeSlots = new int[16];
        int freeCount;
        int openMembers;
        List<Allocation> leaksAtClose;

        /** Ids count up from 1 and are never reused, so a closed store's handle never becomes valid again. */
        private static int nextId() {
            int id = NEXT_ID.updateAndGet(n -> n <= MAX_ID ? n + 1 : n);
            if (id > MAX_ID) {
                throw new StoreExhaustedException(MAX_ID + " checked stores were created in this JVM,"
                        + " the most their handles can tell apart");
            }
            return id;
        }

        Ledger(Store inner, boolean failOnLeaks) {
            this.guarantees = Guarantees.of(inner);
            this.failOnLeaks = failOnLeaks;
        }

        void requireFreeSlot(CheckedStore store) {
            if (freeCount == 0 && slotCount == MAX_SLOTS) {
                throw new StoreExhaustedException(store + " tracks " + MAX_SLOTS
                        + " live allocations, the most its handles can name");
            }
        }
    }

    private static final class Entry {
        int generation;
        boolean live;
        long innerHandle;
        long byteSize;
        long byteAlignment;
        String allocatedAt;
        /** For heap memory: the native stand-in that pointers use while they are live. */
        MemorySegment shadow;
    }

    private long register(long innerHandle, long byteSize, long byteAlignment, String site) {
        Ledger l = ledger;
        int slot;
        if (l.freeCount > 0) {
            slot = l.freeSlots[--l.freeCount];
        } else {
            if (l.slotCount == l.entries.length) {
                l.entries = java.util.Arrays.copyOf(l.entries, l.slotCount * 2);
            }
            slot = l.slotCount++;
            l.entries[slot] = new Entry();
        }
        Entry entry = l.entries[slot];
        entry.generation++; // 1..GENERATION_MASK: a slot retires before its generation could wrap
        entry.live = true;
        entry.innerHandle = innerHandle;
        entry.byteSize = byteSize;
        entry.byteAlignment = byteAlignment;
        entry.allocatedAt = site;
        return encode(slot, entry.generation);
    }

    private long encode(long slot, int generation) {
        return ((long) ledger.id << ID_SHIFT) | ((long) generation << GENERATION_SHIFT) | slot;
    }

    /** Kills one handle and every pointer resolved from it, through any member. */
    private void kill(int slot, String why) {
        Ledger l = ledger;
        Entry entry = l.entries[slot];
        entry.live = false;
        l.obituaries.put(encode(slot, entry.generation), why);
        killPointers(slot);
        if (entry.generation >= l.retireGeneration) {
            return; // retired: its next generation would wrap to a value an old handle carries
        }
        if (l.freeCount == l.freeSlots.length) {
            l.freeSlots = java.util.Arrays.copyOf(l.freeSlots, l.freeCount * 2);
        }
        l.freeSlots[l.freeCount++] = slot;
    }

    /**
     * The rest of the table's row for an operation (other handles unless @Multiple, pointers unless
     * @Stable), from {@link Effect#killsHandles} and {@link Effect#killsPointers}: the same
     * definition the checker applies.
     */
    private void applyTable(String operation, String site, int exceptSlot) {
        applyTable(operation.startsWith("allocate") ? Effect.ALLOCATE : Effect.FREE, operation, site, exceptSlot);
    }

    private void applyTable(Effect effect, String operation, String site, int exceptSlot) {
        Guarantees g = ledger.guarantees;
        if (effect.killsHandles(g.multiple(), g.shared())) {
            for (int slot = 0; slot < ledger.slotCount; slot++) {
                if (slot != exceptSlot && ledger.entries[slot].live) {
                    kill(slot, "invalidated by " + operation + " at " + site + ": "
                            + inner.getClass().getSimpleName() + " is not @Multiple");
                }
            }
        }
        if (effect.killsPointers(g.stable(), g.pinned())) {
            killAllPointers();
        }
    }

    private void killPointers(int slot) {
        for (CheckedStore member : ledger.members) {
            closePointerArena(member, slot);
        }
        dropShadow(ledger.entries[slot]);
    }

    /** Drops a native stand-in, first copying it back if its allocation lives on. */
    private void dropShadow(Entry entry) {
        if (entry.shadow != null) {
            if (entry.live) {
                inner.resolve(entry.innerHandle, entry.byteSize).copyFrom(entry.shadow);
            }
            entry.shadow = null;
            ledger.shadowed.remove(entry);
        }
    }

    private void killAllPointers() {
        for (CheckedStore member : ledger.members) {
            for (Iterator<Arena> it = member.pointerArenas.values().iterator(); it.hasNext(); ) {
                it.next().close();
                it.remove();
            }
        }
        for (Entry entry : List.copyOf(ledger.shadowed)) {
            dropShadow(entry);
        }
    }

    private static void closePointerArena(CheckedStore member, int slot) {
        Arena arena = member.pointerArenas.remove(slot);
        if (arena != null) {
            arena.close();
        }
    }

    private void dropShadowIfUnused(int slot) {
        for (CheckedStore member : ledger.members) {
            if (member.pointerArenas.containsKey(slot)) {
                return;
            }
        }
        dropShadow(ledger.entries[slot]);
    }

    /** Copies native stand-ins back to the heap memory they stand for, before the store touches it. */
    private void flushShadows() {
        for (Entry entry : ledger.shadowed) {
            inner.resolve(entry.innerHandle, entry.byteSize).copyFrom(entry.shadow);
        }
    }

    private List<Allocation> liveAllocations() {
        List<Allocation> live = new ArrayList<>();
        for (int slot = 0; slot < ledger.slotCount; slot++) {
            Entry entry = ledger.entries[slot];
            if (entry.live) {
                live.add(new Allocation(encode(slot, entry.generation), entry.byteSize,
                        entry.byteAlignment, entry.allocatedAt));
            }
        }
        return List.copyOf(live);
    }

    // --- checks -------------------------------------------------------------------------------

    private void requireOpen(String operation) {
        if (closed) {
            throw new IllegalStateException(operation + " on " + this + ", closed at "
                    + ledger.closedAt.get(memberNumber));
        }
    }

    private void requireOpen(long handle, String operation) {
        if (closed) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " used on "
                    + this + ", which was closed at " + ledger.closedAt.get(memberNumber));
        }
    }

    private boolean isDanglingHandle(long handle) {
        return handle >= 0 && (handle >>> ID_SHIFT) == ledger.id
                && ((handle >>> GENERATION_SHIFT) & GENERATION_MASK) == 0;
    }

    private void requireDanglingSize(long handle, long byteSize, String operation) {
        if (byteSize != 0) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                    + " is a dangling handle of " + this + " and names no memory, but byteSize is "
                    + byteSize);
        }
    }

    private int liveSlot(long handle, String operation) {
        long id = handle >>> ID_SHIFT;
        if (handle < 0 || id != ledger.id) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                    + " was not issued by " + this + (id > 0 && id <= MAX_ID
                            ? " but by another checked store (#" + id + ") outside its sharing set"
                            : " (it is not a checked handle)"));
        }
        int generation = (int) ((handle >>> GENERATION_SHIFT) & GENERATION_MASK);
        long slot = handle & SLOT_MASK;
        if (slot >= ledger.slotCount) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle)
                    + " was never issued by " + this);
        }
        Entry entry = ledger.entries[(int) slot];
        if (entry.live && entry.generation == generation) {
            return (int) slot;
        }
        String why = ledger.obituaries.get(handle);
        throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " of " + this
                + " is stale: " + (why != null ? why : "freed long ago (its slot was reused since)"));
    }

    private void requireLayout(long handle, Entry entry, long byteSize, long byteAlignment,
            String operation) {
        if (entry.byteSize != byteSize || entry.byteAlignment != byteAlignment) {
            throw new IllegalArgumentException(operation + ": handle " + Checks.hex(handle) + " of "
                    + this + " holds " + entry.byteSize + " bytes aligned to " + entry.byteAlignment
                    + ", but the call says " + byteSize + " bytes aligned to " + byteAlignment);
        }
    }

    private static final StackWalker WALKER = StackWalker.getInstance();

    /** Frames of this class and of {@link Store}'s default methods are not the caller's line. */
    private static boolean isThisClass(String className) {
        String self = CheckedStore.class.getName();
        return className.equals(self) || className.startsWith(self + "$")
                || className.equals(Store.class.getName());
    }

    /** The first frame outside this class: the line that called the store. */
    private static String callerSite() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isThisClass(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                        + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("(unknown)"));
    }
}
