package dev.stowage.store;

import dev.stowage.qual.EnsuresPresentIf;
import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Resolves;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A hash map from {@code long} to {@code long} kept in one allocation of a {@link Store}: open
 * addressing with linear probing, as fastutil's {@code Long2LongOpenHashMap}, off the Java heap.
 *
 * <p>The table is an array of (key, value) pairs, each 16 bytes, so a lookup touches one cache line;
 * a key of 0 marks an empty slot, and the key 0 itself is kept in one extra pair after the table.
 * Removal shifts later entries back (no tombstones), so removing never rehashes. The table holds at
 * most 3/4 of its slots.
 *
 * <h2>Which calls invalidate pointers</h2>
 * The map is reference-unstable: {@link #valueRef(long)} returns a pointer into the table, and it is
 * stale after any call that may rehash ({@link #put}, {@link #reserve}: {@link Effect#RELOCATE}) or
 * that moves entries ({@link #remove}, {@link #clear}: {@link Effect#POINTERS}), and after
 * {@link #close}. Rehashing is also an allocation in the map's store, so on a store that is not
 * {@code @Stable} it makes the store's other pointers stale too.
 *
 * <h2>Capacity promises</h2>
 * <ul>
 *   <li>{@code put} of a key that is already present only writes the value: it never rehashes, so
 *       pointers from {@code valueRef} survive it. The checker knows this from
 *       {@code @Invalidates(effect = RELOCATE, unlessPresent = "#1")} when it can see the key is
 *       present (the same constant or effectively final variable was put before, and nothing else
 *       was done to the map since).</li>
 *   <li>After {@link #reserve(long) reserve(n)}, no {@code put} rehashes until {@code size()} exceeds
 *       {@code n}; {@link #capacity()} tells how many entries fit before the next rehash.</li>
 *   <li>{@code remove} and {@code clear} never rehash, never allocate and never shrink the table.</li>
 * </ul>
 *
 * <pre>{@code
 * try (Store store = new ArenaStore(); StoreLongMap counts = StoreLongMap.create(store)) {
 *     counts.reserve(1_000);                 // no rehash until there are more than 1,000 keys
 *     counts.put(7, counts.get(7, 0) + 1);
 *     MemorySegment slot = counts.valueRef(7);
 *     slot.set(ValueLayout.JAVA_LONG, 0, 41);
 *     counts.put(7, 42);                     // present key: never rehashes, 'slot' still valid
 *     counts.remove(7);                      // entries shift: 'slot' is stale
 * }
 * }</pre>
 *
 * <p>Not thread-safe. A closed map throws {@link IllegalStateException} on use; {@code close()} may be
 * called again and then does nothing.
 */
public final class StoreLongMap implements AutoCloseable {

    /** Unaligned access: correct for heap-backed stores too, and free of an alignment check. */
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    /** 2^64 / golden ratio: Fibonacci hashing, the top bits of key * PHI pick the slot. */
    private static final long PHI = 0x9E3779B97F4A7C15L;
    private static final long ENTRY_BYTES = 16;
    private static final long TABLE_ALIGNMENT = 8;
    private static final long MIN_SLOTS = 16;
    /** The table may not hold more slots than this: its byte size must fit in a long. */
    private static final long MAX_SLOTS = 1L << 58;

    private final Store store;
    private final boolean cachePointer;
    /** The store is {@code @Multiple}: a rehash may hold the old and the new table at once. */
    private final boolean twoTables;

    private long handle;
    private long slots;
    private long mask;
    private int shift;
    private long maxFill;
    /** Entries in the slot array (every key but 0). */
    private long used;
    private boolean hasZeroKey;
    /** The table when the store is stable and the map is open; null otherwise (then resolved on each access). */
    private MemorySegment table;
    private boolean closed;

    private StoreLongMap(Store store) {
        this.store = Objects.requireNonNull(store, "store");
        this.cachePointer = StoreTraits.mayCachePointers(store);
        this.twoTables = StoreTraits.isMultiple(store);
        long bytes = tableBytes(MIN_SLOTS);
        this.handle = store.allocateZeroed(bytes, TABLE_ALIGNMENT);
        setSlots(MIN_SLOTS);
        if (cachePointer) table = store.resolve(handle, bytes);
    }

    /**
     * A new, empty map kept in {@code store}; it allocates its first table (16 slots) at once.
     *
     * @throws StoreExhaustedException if the store cannot hold the table
     */
    @Issues("#1")
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public static StoreLongMap create(Store store) {
        return new StoreLongMap(store);
    }

    /**
     * A new, empty map kept in the innermost scoped store ({@link Stores#current()}).
     *
     * <p>The checker cannot name the ambient store, so it neither ties the map to it nor sees this
     * call allocate in it; see {@link Stores}.
     *
     * @throws NoScopedStoreException outside {@code Stores.where(store).run(...)}
     */
    public static StoreLongMap create() {
        return new StoreLongMap(Stores.current());
    }

    /** The store that holds this map's table. */
    public Store store() {
        return store;
    }

    /** The number of keys. */
    public long size() {
        ensureOpen("size");
        return used + (hasZeroKey ? 1 : 0);
    }

    /** True if the map has no keys. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * How many keys the map holds before a {@code put} of a new key rehashes: at least {@code n} after
     * {@code reserve(n)}.
     */
    public long capacity() {
        ensureOpen("capacity");
        return maxFill;
    }

    /** The value of {@code key}, or {@code absent} if the key is not present. */
    public long get(long key, long absent) {
        MemorySegment t = table();
        if (key == 0) return hasZeroKey ? t.get(LONG, zeroValueOffset()) : absent;
        long pos = (key * PHI) >>> shift;
        long m = mask;
        while (true) {
            long offset = pos << 4;
            long k = t.get(LONG, offset);
            if (k == key) return t.get(LONG, offset + 8);
            if (k == 0) return absent;
            pos = (pos + 1) & m;
        }
    }

    /** True if {@code key} is present ({@code @EnsuresPresentIf}: a put of it then never rehashes). */
    @EnsuresPresentIf(key = "#1")
    public boolean containsKey(long key) {
        MemorySegment t = table();
        if (key == 0) return hasZeroKey;
        return find(t, key) >= 0;
    }

    /**
     * Maps {@code key} to {@code value}. A key already present only gets its value written: that never
     * rehashes. A new key rehashes (doubling the table) when the table is full, i.e. when
     * {@code size()} would exceed {@link #capacity()}.
     *
     * ({@code unlessPresent = "#1"}: the checker keeps pointers valid across a put of a key it knows
     * present, i.e. the same constant or effectively final variable was put before and nothing else
     * invalidated the map since.)
     *
     * @throws StoreExhaustedException if the store cannot hold a bigger table; nothing changed then
     */
    @Invalidates(effect = Effect.RELOCATE, unlessPresent = "#1")
    public void put(long key, long value) {
        MemorySegment t = table();
        if (key == 0) {
            t.set(LONG, zeroValueOffset(), value);
            hasZeroKey = true;
            return;
        }
        long pos = (key * PHI) >>> shift;
        long m = mask;
        while (true) {
            long offset = pos << 4;
            long k = t.get(LONG, offset);
            if (k == key) {
                t.set(LONG, offset + 8, value);
                return;
            }
            if (k == 0) break;
            pos = (pos + 1) & m;
        }
        if (used < maxFill) {
            long offset = pos << 4;
            t.set(LONG, offset, key);
            t.set(LONG, offset + 8, value);
        } else {
            rehash(Math.multiplyExact(slots, 2), "put");
            insertNew(table(), key, value);
        }
        used++;
    }

    /**
     * Removes {@code key} if present, shifting later entries of its probe run back. Never rehashes or
     * allocates; pointers from {@link #valueRef} are stale afterwards.
     */
    @Invalidates(effect = Effect.POINTERS)
    public void remove(long key) {
        MemorySegment t = table();
        if (key == 0) {
            if (hasZeroKey) {
                hasZeroKey = false;
                t.set(LONG, zeroValueOffset(), 0);
                killPointers();
            }
            return;
        }
        long pos = find(t, key);
        if (pos < 0) return;
        long m = mask;
        long hole = pos;
        long current = (pos + 1) & m;
        while (true) {
            long offset = current << 4;
            long k = t.get(LONG, offset);
            if (k == 0) break;
            long home = (k * PHI) >>> shift;
            // The entry may fill the hole if the hole lies on its probe path, i.e. between its home and it.
            if (((current - home) & m) >= ((current - hole) & m)) {
                long holeOffset = hole << 4;
                t.set(LONG, holeOffset, k);
                t.set(LONG, holeOffset + 8, t.get(LONG, offset + 8));
                hole = current;
            }
            current = (current + 1) & m;
        }
        long holeOffset = hole << 4;
        t.set(LONG, holeOffset, 0);
        t.set(LONG, holeOffset + 8, 0);
        used--;
        killPointers();
    }

    /**
     * Makes room for {@code n} keys in total: afterwards no {@code put} rehashes until {@code size()}
     * exceeds {@code n}. Rehashes only if the table is too small (it never shrinks).
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws StoreExhaustedException if the store cannot hold the table; nothing changed then
     */
    @Invalidates(effect = Effect.RELOCATE)
    public void reserve(long n) {
        ensureOpen("reserve");
        if (n < 0) throw new IllegalArgumentException("StoreLongMap.reserve(" + n + "): the count must not be negative");
        if (n <= maxFill) return;
        long newSlots = slots;
        while (fillLimit(newSlots) < n) {
            if (newSlots >= MAX_SLOTS) {
                throw new StoreExhaustedException("StoreLongMap.reserve(" + n + "): a table for that many keys would need more than "
                        + MAX_SLOTS + " slots");
            }
            newSlots *= 2;
        }
        rehash(newSlots, "reserve");
    }

    /** Removes every key; keeps the table (never rehashes or allocates). Pointers from {@code valueRef} are stale afterwards. */
    @Invalidates(effect = Effect.POINTERS)
    public void clear() {
        table().fill((byte) 0);
        used = 0;
        hasZeroKey = false;
        killPointers();
    }

    /**
     * A pointer to the 8-byte value slot of {@code key}, to read or write in place. Stale after the
     * next {@code put}, {@code reserve}, {@code remove}, {@code clear} or {@code close} (at run time a
     * {@code put} of a present key leaves it valid, as promised above).
     *
     * @throws NoSuchElementException if the key is not present
     */
    @Resolves
    public MemorySegment valueRef(long key) {
        MemorySegment t = table();
        if (key == 0) {
            if (!hasZeroKey) throw absentKey(key);
            return t.asSlice(zeroValueOffset(), Long.BYTES);
        }
        long pos = find(t, key);
        if (pos < 0) throw absentKey(key);
        return t.asSlice((pos << 4) + 8, Long.BYTES);
    }

    /** Calls {@code visitor} with every (key, value) pair, in table order. The visitor must not change the map. */
    public void forEach(EntryVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        MemorySegment t = table();
        if (hasZeroKey) visitor.accept(0, t.get(LONG, zeroValueOffset()));
        long n = slots;
        for (long pos = 0; pos < n; pos++) {
            long offset = pos << 4;
            long k = t.get(LONG, offset);
            if (k != 0) visitor.accept(k, t.get(LONG, offset + 8));
        }
    }

    /** Frees the table. The map is dead afterwards; calling {@code close} again does nothing. */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (closed) return;
        store.deallocate(handle, tableBytes(slots), TABLE_ALIGNMENT);
        closed = true;
        table = null;
        used = 0;
        hasZeroKey = false;
    }

    /** For a debugger: size, capacity, store and the first entries. */
    @Override
    public String toString() {
        if (closed) return "StoreLongMap[closed, store=" + store + "]";
        StringBuilder text = new StringBuilder("StoreLongMap[size=").append(size())
                .append(", capacity=").append(maxFill)
                .append(", slots=").append(slots)
                .append(", store=").append(store).append(", {");
        int[] shown = {0};
        forEach((k, v) -> {
            if (shown[0] < 16) text.append(shown[0] == 0 ? "" : ", ").append(k).append('=').append(v);
            else if (shown[0] == 16) text.append(", …");
            shown[0]++;
        });
        return text.append("}]").toString();
    }

    /** Receives the entries of {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor {
        /** Called once per entry. */
        void accept(long key, long value);
    }

    // ---- internals ----

    private MemorySegment table() {
        MemorySegment cached = table;
        return cached != null ? cached : resolveTable();
    }

    private MemorySegment resolveTable() {
        ensureOpen("access");
        return store.resolve(handle, tableBytes(slots));
    }

    /** The slot of a non-zero key, or -1. */
    private long find(MemorySegment t, long key) {
        long pos = (key * PHI) >>> shift;
        long m = mask;
        while (true) {
            long k = t.get(LONG, pos << 4);
            if (k == key) return pos;
            if (k == 0) return -1;
            pos = (pos + 1) & m;
        }
    }

    /** Puts a key known to be absent into the first free slot of its probe run. */
    private void insertNew(MemorySegment t, long key, long value) {
        long pos = (key * PHI) >>> shift;
        long m = mask;
        while (t.get(LONG, pos << 4) != 0) pos = (pos + 1) & m;
        t.set(LONG, pos << 4, key);
        t.set(LONG, (pos << 4) + 8, value);
    }

    /**
     * Moves every entry to a table of {@code newSlots}. Strong guarantee: if the store cannot provide
     * the memory, nothing changed. On a {@code @Multiple} store the entries go straight from the old
     * table to a new allocation; on any other store a second allocation could reuse the first, so the
     * old table is copied aside and the allocation itself is grown.
     */
    private void rehash(long newSlots, String operation) {
        if (newSlots > MAX_SLOTS) {
            throw new StoreExhaustedException("StoreLongMap." + operation + ": the table cannot grow beyond " + MAX_SLOTS + " slots");
        }
        long oldSlots = slots;
        long oldBytes = tableBytes(oldSlots);
        long newBytes = tableBytes(newSlots);
        long newHandle;
        if (twoTables) {
            newHandle = store.allocateZeroed(newBytes, TABLE_ALIGNMENT);
            // Resolve both only now: on a store that is not stable the allocation may have moved the old table.
            reinsert(store.resolve(handle, oldBytes), oldSlots, store.resolve(newHandle, newBytes), newSlots);
            store.deallocate(handle, oldBytes, TABLE_ALIGNMENT);
        } else {
            try (Arena scratch = Arena.ofConfined()) {
                MemorySegment saved = scratch.allocate(oldBytes, TABLE_ALIGNMENT);
                saved.copyFrom(store.resolve(handle, oldBytes));
                newHandle = store.grow(handle, oldBytes, newBytes, TABLE_ALIGNMENT);
                MemorySegment to = store.resolve(newHandle, newBytes);
                to.fill((byte) 0);
                reinsert(saved, oldSlots, to, newSlots);
            }
        }
        handle = newHandle;
        setSlots(newSlots);
        table = cachePointer ? store.resolve(newHandle, newBytes) : null;
    }

    private static void reinsert(MemorySegment from, long oldSlots, MemorySegment to, long newSlots) {
        int newShift = Long.numberOfLeadingZeros(newSlots) + 1;
        long newMask = newSlots - 1;
        for (long pos = 0; pos < oldSlots; pos++) {
            long offset = pos << 4;
            long k = from.get(LONG, offset);
            if (k == 0) continue;
            long target = (k * PHI) >>> newShift;
            while (to.get(LONG, target << 4) != 0) target = (target + 1) & newMask;
            to.set(LONG, target << 4, k);
            to.set(LONG, (target << 4) + 8, from.get(LONG, offset + 8));
        }
        to.set(LONG, newSlots * ENTRY_BYTES + 8, from.get(LONG, oldSlots * ENTRY_BYTES + 8));
    }

    private void setSlots(long newSlots) {
        slots = newSlots;
        mask = newSlots - 1;
        shift = Long.numberOfLeadingZeros(newSlots) + 1; // 64 - log2(newSlots)
        maxFill = fillLimit(newSlots);
    }

    private static long fillLimit(long slots) {
        return slots - (slots >>> 2); // 3/4, and always at least one slot free so probes end
    }

    private static long tableBytes(long slots) {
        return (slots + 1) * ENTRY_BYTES; // the extra pair holds the value of key 0
    }

    private long zeroValueOffset() {
        return slots * ENTRY_BYTES + 8;
    }

    /** Entries moved or were dropped: let a debug store kill the pointers handed out so far. */
    private void killPointers() {
        if (StoreTraits.pointersInvalidated(store, handle, tableBytes(slots)) && cachePointer) {
            table = store.resolve(handle, tableBytes(slots));
        }
    }

    private void ensureOpen(String operation) {
        if (closed) throw new IllegalStateException("StoreLongMap." + operation + ": the map is closed");
    }

    private NoSuchElementException absentKey(long key) {
        return new NoSuchElementException("StoreLongMap.valueRef(" + key + "): the key is not present (size " + size() + ")");
    }
}
