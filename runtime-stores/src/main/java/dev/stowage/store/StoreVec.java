package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Reserves;
import dev.stowage.qual.Resolves;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A growable array of fixed-size elements kept in one allocation of a {@link Store}: Rust's
 * {@code Vec<T, S>}, or fastutil's {@code LongArrayList} off the Java heap.
 *
 * <p>Elements are regions described by a {@link MemoryLayout}; {@link #get(long)} and
 * {@link #elements()} return pointers into the vector's buffer. Vectors of 8-byte elements
 * ({@link #ofLongs(Store)}) also read and write values directly ({@link #getLong}, {@link #setLong},
 * {@link #pushLong}, {@link #insertLong}) without handing out pointers, and through a view for loops
 * ({@link #longs()}: random reads at the speed of a Java array's).
 *
 * <h2>Which calls invalidate pointers</h2>
 * Like C++ {@code std::vector} iterators: a pointer from {@code get}, {@code elements} or {@code longs} is stale
 * after any call that may reallocate ({@code push}, {@code pushLong}, {@code insertLong},
 * {@code reserve}, {@code shrinkToFit}: {@link Effect#RELOCATE}) or that drops or shifts elements
 * ({@code remove}, {@code truncate}, {@code clear}: {@link Effect#POINTERS}), and after
 * {@code moveTo} and {@code close}. Reallocating is also an allocation in the vector's store, so on a
 * store that is not {@code @Stable} it makes the store's other pointers stale too.
 *
 * <h2>Capacity promises</h2>
 * <ul>
 *   <li>{@link #reserve(long) reserve(n)} makes {@code capacity() >= size() + n}; pushes and inserts
 *       that stay within the capacity never reallocate, so pointers survive them. The checker knows
 *       this from the annotations: {@code reserve} is {@code @Reserves("#1")}, and {@code push},
 *       {@code pushLong} and {@code insertLong} are {@code @Invalidates(effect = RELOCATE,
 *       unlessReserved = true)}, so after {@code reserve(n)} with a constant {@code n} the next
 *       {@code n} of them keep pointers valid (a {@code pushLongs} batch, {@code shrinkToFit} or a
 *       non-constant {@code n} does not count). The room is the one reserved, not the capacity the
 *       vector happens to have: pushes beyond it may reallocate.</li>
 *   <li>{@link #truncate}, {@link #remove} and {@link #clear} never reallocate and never shrink the
 *       capacity; {@link #shrinkToFit()} is the only call that gives memory back.</li>
 *   <li>A new vector has capacity 0 and allocates nothing until the first push or reserve; growth
 *       at least doubles the capacity, so pushes cost amortized O(1).</li>
 * </ul>
 *
 * <pre>{@code
 * try (Store store = new ArenaStore(); StoreVec v = StoreVec.ofLongs(store)) {
 *     v.reserve(3);
 *     v.pushLong(1); v.pushLong(2); v.pushLong(3);   // no reallocation: capacity was reserved
 *     MemorySegment second = v.get(1);
 *     second.set(ValueLayout.JAVA_LONG, 0, 20);
 *     v.pushLong(4);                                 // may reallocate: 'second' is stale now
 *     long sum = v.getLong(0) + v.getLong(1);        // 21
 * }
 * }</pre>
 *
 * <p>Not thread-safe. A closed or moved vector throws {@link IllegalStateException} on use;
 * {@code close()} itself may be called again (it does nothing the second time, or after
 * {@code moveTo}), so a vector can sit in try-with-resources even when it is moved.
 *
 * <p>The vector caches the pointer to its buffer when the store is {@code @Pinned}, or
 * {@code @Stable} and cannot compact on request (only the vector's own grow or free can move it
 * then), and resolves its handle on every access otherwise. If the store is closed under a live vector, the vector's memory is gone:
 * the checker reports that ({@code store.closed}); at run time {@code CheckedStore} and arena-backed
 * stores fail on the next access, {@code GlobalStore} cannot tell.
 */
public final class StoreVec implements AutoCloseable {

    /** Unaligned access: correct for any buffer (heap-backed stores too) and free of an alignment check. */
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long MIN_CAPACITY = 4;
    private static final long BUFFER_ALIGNMENT = 8;

    private static final int LIVE = 0;
    private static final int CLOSED = 1;
    private static final int MOVED = 2;

    private final Store store;
    private final MemoryLayout elementLayout;
    private final long elementSize;
    private final long stride;
    private final long alignment;
    private final boolean longElements;
    private final boolean cachePointer;

    private long handle;
    private long size;
    private long capacity;
    /** The whole buffer ({@code capacity * stride} bytes) when {@link #cachePointer}; otherwise null. */
    private MemorySegment buffer;
    /**
     * {@link #buffer} if the elements are 8 bytes wide, else null: the one field the {@code long} fast
     * paths test, so that "cached pointer" and "8-byte elements" cost a single null check.
     */
    private MemorySegment longBuffer;
    private int state = LIVE;
    private Store movedTo;

    private StoreVec(Store store, MemoryLayout elementLayout) {
        this.store = Objects.requireNonNull(store, "store");
        this.elementLayout = Objects.requireNonNull(elementLayout, "elementLayout");
        this.elementSize = elementLayout.byteSize();
        if (elementSize <= 0) {
            throw new IllegalArgumentException(
                    "StoreVec needs elements of at least one byte, but " + elementLayout + " has " + elementSize);
        }
        long layoutAlignment = elementLayout.byteAlignment();
        this.stride = alignUp(elementSize, layoutAlignment);
        this.alignment = Math.max(layoutAlignment, BUFFER_ALIGNMENT);
        this.longElements = stride == Long.BYTES;
        this.cachePointer = StoreTraits.mayCachePointers(store);
        this.handle = store.dangling(alignment);
        setBuffer(cachePointer ? MemorySegment.NULL : null);
    }

    /**
     * A new, empty vector of elements laid out as {@code elementLayout}, kept in {@code store}. It
     * allocates nothing until the first push or reserve.
     *
     * <pre>{@code
     * StoreVec points = StoreVec.create(store, MemoryLayout.structLayout(JAVA_INT.withName("x"), JAVA_INT.withName("y")));
     * points.push().set(JAVA_INT, 4, 7);
     * }</pre>
     *
     * @throws IllegalArgumentException if the layout has size 0
     */
    @Issues("#1")
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public static StoreVec create(Store store, MemoryLayout elementLayout) {
        return new StoreVec(store, elementLayout);
    }

    /** A new, empty vector of {@code long}s kept in {@code store}: {@code StoreVec.create(store, JAVA_LONG)}. */
    @Issues("#1")
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public static StoreVec ofLongs(Store store) {
        return new StoreVec(store, ValueLayout.JAVA_LONG);
    }

    /**
     * A new, empty vector kept in the innermost scoped store ({@link Stores#current()}).
     *
     * <p>The checker cannot name the ambient store, so it neither ties the vector to it nor sees
     * this call allocate in it; see {@link Stores} for what that means.
     *
     * @throws NoScopedStoreException outside {@code Stores.where(store).run(...)}
     */
    public static StoreVec create(MemoryLayout elementLayout) {
        return new StoreVec(Stores.current(), elementLayout);
    }

    /**
     * A new, empty vector of {@code long}s kept in the innermost scoped store; as {@link #create(MemoryLayout)}.
     *
     * <pre>{@code
     * Stores.where(arena).run(() -> {
     *     StoreVec v = StoreVec.ofLongs();     // lives in 'arena'
     *     v.pushLong(42);
     * });
     * }</pre>
     *
     * @throws NoScopedStoreException outside {@code Stores.where(store).run(...)}
     */
    public static StoreVec ofLongs() {
        return new StoreVec(Stores.current(), ValueLayout.JAVA_LONG);
    }

    /**
     * A vector over a buffer that already holds {@code size} elements in {@code store}: the inverse of
     * {@link #handle()}, {@link #size()} and {@link #capacity()}, for stores whose handles outlive
     * the process ({@link FileStore}). The buffer is the vector's from now on ({@code close()} frees it).
     *
     * <pre>{@code
     * // before the restart: file.setRoots(vec.handle(), vec.size(), vec.capacity());
     * StoreVec vec = StoreVec.reopen(file, JAVA_LONG, file.root(0), file.root(1), file.root(2));
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code size > capacity}, either is negative, or the buffer
     *     would overflow; the store throws (e.g. {@link StaleHandleException}) if {@code handle} does
     *     not name {@code capacity} elements' worth of live memory
     */
    @Issues("#1")
    public static StoreVec reopen(Store store, MemoryLayout elementLayout, long handle, long size, long capacity) {
        StoreVec vec = new StoreVec(store, elementLayout);
        if (size < 0 || capacity < 0 || size > capacity || capacity > Long.MAX_VALUE / vec.stride) {
            throw new IllegalArgumentException("StoreVec.reopen: size " + size + " and capacity " + capacity
                    + " do not describe a buffer of " + vec.stride + "-byte elements");
        }
        if (capacity > 0) {
            MemorySegment buffer = store.resolve(handle, capacity * vec.stride); // checks the handle
            vec.handle = handle;
            vec.size = size;
            vec.capacity = capacity;
            if (vec.cachePointer) vec.setBuffer(buffer);
        }
        return vec;
    }

    /**
     * The handle of the vector's buffer in its store (a dangling handle while the capacity is 0).
     * Stale after the next call that reallocates; with {@link #size()} and {@link #capacity()} it is
     * what {@link #reopen} needs.
     */
    public long handle() {
        ensureLive("handle");
        return handle;
    }

    /** The store that holds this vector's buffer. */
    public Store store() {
        return store;
    }

    /** The layout of one element. */
    public MemoryLayout elementLayout() {
        return elementLayout;
    }

    /** The number of elements. */
    public long size() {
        if (state != LIVE) throw deadError("size");
        return size;
    }

    /** The number of elements the buffer holds before the next push reallocates. */
    public long capacity() {
        if (state != LIVE) throw deadError("capacity");
        return capacity;
    }

    /** True if the vector has no elements. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * A pointer to the element at {@code index}, of the element layout's size. Stale after the next
     * call that reallocates, drops or shifts elements.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    @Resolves
    public MemorySegment get(long index) {
        if (Long.compareUnsigned(index, size) >= 0) throw indexError("get", index, size);
        return buffer().asSlice(index * stride, elementSize);
    }

    /** A pointer to all elements, {@code size() * stride} bytes (the stride is the element size rounded up to its alignment). */
    @Resolves
    public MemorySegment elements() {
        if (state != LIVE) throw deadError("elements");
        return size == 0 ? MemorySegment.NULL : buffer().asSlice(0, size * stride);
    }

    /**
     * The value of the 8-byte element at {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     * @throws UnsupportedOperationException if the elements are not 8 bytes wide
     */
    public long getLong(long index) {
        MemorySegment b = longBuffer;
        if (b != null && Long.compareUnsigned(index, size) < 0) return b.get(LONG, index << 3);
        return getLongSlow(index);
    }

    /** Out of bounds, dead, not 8-byte elements, or a store whose pointer is not cached. */
    private long getLongSlow(long index) {
        if (Long.compareUnsigned(index, size) >= 0) throw indexError("getLong", index, size);
        if (!longElements) throw notLongs("getLong");
        return buffer().get(LONG, index << 3);
    }

    /**
     * Sets the 8-byte element at {@code index}. Writes a value; invalidates nothing.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     * @throws UnsupportedOperationException if the elements are not 8 bytes wide
     */
    public void setLong(long index, long value) {
        MemorySegment b = longBuffer;
        if (b != null && Long.compareUnsigned(index, size) < 0) {
            b.set(LONG, index << 3, value);
            return;
        }
        if (Long.compareUnsigned(index, size) >= 0) throw indexError("setLong", index, size);
        if (!longElements) throw notLongs("setLong");
        buffer().set(LONG, index << 3, value);
    }

    /**
     * Appends a zero-filled element and returns a pointer to it. Reallocates (at least doubling the
     * capacity) when the vector is full.
     */
    @Resolves
    @Invalidates(effect = Effect.RELOCATE, unlessReserved = true)
    public MemorySegment push() {
        long at = size;
        if (at == capacity) growFor(1, "push");
        MemorySegment element = buffer().asSlice(at * stride, elementSize);
        element.fill((byte) 0);
        size = at + 1;
        return element;
    }

    /**
     * Appends an 8-byte element. Reallocates (at least doubling the capacity) when the vector is full.
     *
     * @throws UnsupportedOperationException if the elements are not 8 bytes wide
     */
    @Invalidates(effect = Effect.RELOCATE, unlessReserved = true)
    public void pushLong(long value) {
        MemorySegment b = longBuffer;
        long at = size;
        if (b != null && at < capacity) {
            b.set(LONG, at << 3, value);
            size = at + 1;
            return;
        }
        pushLongSlow(value);
    }

    /** Full, dead, not 8-byte elements, or a store whose pointer is not cached: kept out of the hot method so it stays small enough to inline. */
    private void pushLongSlow(long value) {
        ensureLive("pushLong");
        if (!longElements) throw notLongs("pushLong");
        long at = size;
        if (at == capacity) growFor(1, "pushLong");
        buffer().set(LONG, at << 3, value);
        size = at + 1;
    }

    /**
     * Appends {@code count} values from {@code values[from..from+count)} with one copy: the bulk form
     * of {@link #pushLong}, with the bounds and liveness checks done once for the whole run instead
     * of once per element. Reallocates at most once.
     *
     * <pre>{@code
     * vec.pushLongs(batch, 0, batch.length);
     * }</pre>
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code values}
     * @throws UnsupportedOperationException if the elements are not 8 bytes wide
     */
    @Invalidates(effect = Effect.RELOCATE)
    public void pushLongs(long[] values, int from, int count) {
        java.util.Objects.checkFromIndexSize(from, count, values.length);
        ensureLive("pushLongs");
        if (!longElements) throw notLongs("pushLongs");
        if (count == 0) return;
        long at = size;
        if (capacity - at < count) growFor(count, "pushLongs");
        MemorySegment.copy(values, from, buffer(), LONG, at << 3, count);
        size = at + count;
    }

    /**
     * Copies {@code count} elements from {@code index} on into {@code into[at..at+count)} with one
     * copy: the bulk form of {@link #getLong}.
     *
     * @throws IndexOutOfBoundsException if {@code index..index+count} is not inside the vector or the
     *     target range not inside {@code into}
     * @throws UnsupportedOperationException if the elements are not 8 bytes wide
     */
    public void getLongs(long index, long[] into, int at, int count) {
        java.util.Objects.checkFromIndexSize(at, count, into.length);
        ensureLive("getLongs");
        if (!longElements) throw notLongs("getLongs");
        if (index < 0 || index > size - count) {
            throw new IndexOutOfBoundsException("StoreVec.getLongs(" + index + ", …, " + count
                    + "): elements " + index + ".." + (index + count) + " are out of bounds for size " + size);
        }
        if (count == 0) return;
        MemorySegment.copy(buffer(), LONG, index << 3, into, at, count);
    }

    /**
     * A view of the {@code long}s as they are now, for loops that read or write many of them at
     * arbitrary indexes: an {@code int}-indexed window over the vector's buffer whose memory and size
     * are fixed when it is made, so that {@link LongView#get(int)} is a single bounds check and a
     * read, and the JIT hoists everything else out of a loop. At random indexes that is within a few
     * percent of fastutil's {@code LongArrayList.getLong}, where {@link #getLong} is about 1.4× slower
     * (it must check against a size and a buffer that may have changed since the last call; see
     * docs/benchmarks.md).
     *
     * <p>The view is a pointer, like {@link #elements()}: it is stale after the next call that
     * reallocates, drops or shifts elements ({@code push…}, {@code insertLong}, {@code reserve},
     * {@code shrinkToFit}, {@code remove}, {@code truncate}, {@code clear}, {@code moveTo},
     * {@code close}); the checker reports a use after one ({@code pointer.stale}), and under
     * {@link CheckedStore} the use throws {@link IllegalStateException}. On other stores a stale view
     * still reads and writes only the memory the vector had, which its store owns until the store
     * is closed (then the view throws, as its pointers do) — except on {@code GlobalStore}, a
     * restricted store, where that memory may have been freed. {@code setLong} and
     * {@link LongView#set} invalidate nothing.
     *
     * <pre>{@code
     * StoreVec.LongView values = vec.longs();
     * long sum = 0;
     * for (int i : order) sum += values.get(i);   // no push in the loop: the view stays valid
     * }</pre>
     *
     * @throws UnsupportedOperationException if the elements are not 8 bytes wide
     * @throws IllegalStateException if the vector is closed or moved, or has more than
     *     {@code Integer.MAX_VALUE} elements (use {@link #getLong} or {@link #elements()} then)
     */
    @Resolves
    public LongView longs() {
        ensureLive("longs");
        if (!longElements) throw notLongs("longs");
        if (size > Integer.MAX_VALUE) {
            throw new IllegalStateException("StoreVec.longs: " + size + " elements do not fit an int-indexed view;"
                    + " use getLong(long) or elements()");
        }
        return new LongView(size == 0 ? MemorySegment.NULL : buffer().asSlice(0, size << 3), (int) size);
    }

    /**
     * The {@code long}s of a {@link StoreVec} as they were when {@link StoreVec#longs()} made the
     * view: a fixed number of elements over the vector's buffer, read and written in place, indexed
     * by {@code int} as a Java array is. Valid until the vector next reallocates, drops or shifts
     * elements (see {@link StoreVec#longs()}).
     *
     * <pre>{@code
     * StoreVec.LongView v = vec.longs();
     * for (int i = 0; i < v.size(); i++) v.set(i, v.get(i) * 2);
     * }</pre>
     */
    public static final class LongView {

        /**
         * Exactly {@code size * 8} bytes, so the segment's own bounds check is the whole index check:
         * an {@code int} index shifted by 3 cannot overflow a {@code long} offset, and a negative or
         * too large one is outside the segment. Any check of our own on top costs 40–80 % at random
         * indexes (a read is 2–3 cycles there; measured, docs/benchmarks.md).
         */
        private final MemorySegment elements;
        private final int size;

        private LongView(MemorySegment elements, int size) {
            this.elements = elements;
            this.size = size;
        }

        /** The number of elements in the view: the vector's size when the view was made. */
        public int size() {
            return size;
        }

        /**
         * The element at {@code index}.
         *
         * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()} (the message is the
         *     JDK's, in bytes: offset {@code 8 * index} of a segment of {@code 8 * size()} bytes)
         * @throws IllegalStateException if the view is stale and the memory is gone (a
         *     {@link CheckedStore} killed it, or the store was closed)
         */
        public long get(int index) {
            return elements.get(LONG, (long) index << 3);
        }

        /**
         * Sets the element at {@code index}. Writes a value; invalidates nothing.
         *
         * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()} (the JDK's message, in bytes)
         * @throws IllegalStateException if the view is stale and the memory is gone
         */
        public void set(int index, long value) {
            elements.set(LONG, (long) index << 3, value);
        }

        /** For a debugger: the size and the first values (reading them: a stale view may throw here). */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("StoreVec.LongView[size=").append(size).append(", [");
            int shown = Math.min(size, 16);
            for (int i = 0; i < shown; i++) {
                if (i > 0) text.append(", ");
                text.append(get(i));
            }
            if (shown < size) text.append(", … ").append(size - shown).append(" more");
            return text.append("]]").toString();
        }
    }

    /**
     * Inserts an 8-byte element at {@code index}, shifting the elements from {@code index} on up by one.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index <= size()}
     * @throws UnsupportedOperationException if the elements are not 8 bytes wide
     */
    @Invalidates(effect = Effect.RELOCATE, unlessReserved = true)
    public void insertLong(long index, long value) {
        if (Long.compareUnsigned(index, size + 1) >= 0) throw indexError("insertLong", index, size + 1);
        if (!longElements) throw notLongs("insertLong");
        long n = size;
        if (n == capacity) growFor(1, "insertLong");
        MemorySegment data = buffer();
        if (index < n) {
            MemorySegment.copy(data, index << 3, data, (index + 1) << 3, (n - index) << 3);
        }
        data.set(LONG, index << 3, value);
        size = n + 1;
        if (index < n) killPointers();
    }

    /**
     * Removes the element at {@code index}, shifting the later elements down by one. Never
     * reallocates; pointers to the vector's elements are stale afterwards.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    @Invalidates(effect = Effect.POINTERS)
    public void remove(long index) {
        long n = size;
        if (Long.compareUnsigned(index, n) >= 0) throw indexError("remove", index, n);
        MemorySegment data = buffer();
        long tail = n - index - 1;
        if (tail > 0) {
            MemorySegment.copy(data, (index + 1) * stride, data, index * stride, tail * stride);
        }
        size = n - 1;
        killPointers();
    }

    /**
     * Makes room for {@code additional} more elements: afterwards {@code capacity() >= size() + additional},
     * and pushes up to that capacity never reallocate. Reallocates only if the room is not there yet.
     * ({@code @Reserves("#1")}: the checker lets the next {@code additional} pushes or inserts keep
     * pointers valid when {@code additional} is a constant.)
     *
     * @throws IllegalArgumentException if {@code additional} is negative
     * @throws StoreExhaustedException if the store cannot hold the buffer (nothing changed then)
     */
    @Invalidates(effect = Effect.RELOCATE)
    @Reserves("#1")
    public void reserve(long additional) {
        ensureLive("reserve");
        if (additional < 0) {
            throw new IllegalArgumentException("StoreVec.reserve(" + additional + "): the count must not be negative");
        }
        if (capacity - size < additional) growFor(additional, "reserve");
    }

    /**
     * Drops the elements from {@code newSize} on; does nothing if {@code newSize >= size()} (as Rust's
     * {@code Vec::truncate}). Never reallocates and keeps the capacity; pointers to the vector's
     * elements are stale afterwards (conservatively all of them, not only the dropped ones).
     *
     * @throws IllegalArgumentException if {@code newSize} is negative
     */
    @Invalidates(effect = Effect.POINTERS)
    public void truncate(long newSize) {
        ensureLive("truncate");
        if (newSize < 0) {
            throw new IllegalArgumentException("StoreVec.truncate(" + newSize + "): the size must not be negative");
        }
        if (newSize < size) {
            size = newSize;
            killPointers();
        }
    }

    /** Removes every element; keeps the capacity (never reallocates). Pointers to elements are stale afterwards. */
    @Invalidates(effect = Effect.POINTERS)
    public void clear() {
        truncate(0);
    }

    /**
     * Shrinks the buffer to the size, giving memory back to the store (an empty vector frees its
     * buffer). The only call that lowers the capacity.
     */
    @Invalidates(effect = Effect.RELOCATE)
    public void shrinkToFit() {
        ensureLive("shrinkToFit");
        if (capacity == size) return;
        if (size == 0) {
            store.deallocate(handle, capacity * stride, alignment);
            handle = store.dangling(alignment);
            capacity = 0;
            if (cachePointer) setBuffer(MemorySegment.NULL);
            return;
        }
        long newHandle = store.shrink(handle, capacity * stride, size * stride, alignment);
        handle = newHandle;
        capacity = size;
        if (cachePointer) setBuffer(store.resolve(newHandle, capacity * stride));
    }

    /**
     * Moves the elements into a new vector kept in {@code target} (allocated with capacity
     * {@code size()}), frees this vector's buffer and returns the new vector. This vector is dead
     * afterwards; every pointer from it is stale. {@code target} may be this vector's own store; if
     * that store is not {@code @Multiple} the buffer is handed over without copying.
     *
     * @throws StoreExhaustedException if {@code target} cannot hold the elements; nothing changed then
     */
    @Issues("#1")
    @Invalidates(effect = Effect.MOVE)
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public StoreVec moveTo(Store target) {
        ensureLive("moveTo");
        Objects.requireNonNull(target, "target");
        StoreVec moved = new StoreVec(target, elementLayout);
        if (target == store && !StoreTraits.isMultiple(store)) {
            // A second allocation could reuse this one's memory: hand the buffer over instead of copying.
            moved.handle = handle;
            moved.size = size;
            moved.capacity = capacity;
            if (moved.cachePointer) moved.setBuffer(buffer);
        } else if (size > 0) {
            long bytes = size * stride;
            long newHandle = target.allocate(bytes, moved.alignment);
            // Resolve the source only now: allocating in the same, unstable store may have moved it.
            MemorySegment from = store.resolve(handle, capacity * stride);
            MemorySegment to = target.resolve(newHandle, bytes);
            MemorySegment.copy(from, 0, to, 0, bytes);
            moved.handle = newHandle;
            moved.size = size;
            moved.capacity = size;
            store.deallocate(handle, capacity * stride, alignment);
            if (moved.cachePointer) moved.setBuffer(target.resolve(newHandle, bytes));
        } else if (capacity > 0) {
            store.deallocate(handle, capacity * stride, alignment);
        }
        die(MOVED);
        movedTo = target;
        return moved;
    }

    /**
     * Frees the buffer. The vector is dead afterwards; calling {@code close} again, or on a moved
     * vector, does nothing.
     */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (state != LIVE) return;
        if (capacity > 0) store.deallocate(handle, capacity * stride, alignment);
        die(CLOSED);
    }

    /** The elements as a new {@code long[]}. */
    public long[] toLongArray() {
        ensureLive("toLongArray");
        if (!longElements) throw notLongs("toLongArray");
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("StoreVec.toLongArray: " + size + " elements do not fit in a Java array");
        }
        return size == 0 ? new long[0] : buffer().asSlice(0, size << 3).toArray(ValueLayout.JAVA_LONG);
    }

    /** For a debugger: size, capacity, store, and the first values of a vector of longs. */
    @Override
    public String toString() {
        if (state == CLOSED) return "StoreVec[closed, store=" + store + "]";
        if (state == MOVED) return "StoreVec[moved to " + movedTo + "]";
        StringBuilder text = new StringBuilder("StoreVec[size=").append(size)
                .append(", capacity=").append(capacity)
                .append(", element=").append(elementLayout)
                .append(", store=").append(store);
        if (longElements && size > 0) {
            text.append(", [");
            MemorySegment data = buffer();
            long shown = Math.min(size, 16);
            for (long i = 0; i < shown; i++) {
                if (i > 0) text.append(", ");
                text.append(data.get(LONG, i << 3));
            }
            if (shown < size) text.append(", … ").append(size - shown).append(" more");
            text.append(']');
        }
        return text.append(']').toString();
    }

    // ---- internals ----

    /** The buffer: the cached pointer on a stable store, else the handle resolved now. */
    private MemorySegment buffer() {
        MemorySegment cached = buffer;
        return cached != null ? cached : resolveBuffer();
    }

    private MemorySegment resolveBuffer() {
        return capacity == 0 ? MemorySegment.NULL : store.resolve(handle, capacity * stride);
    }

    /** Grows so that {@code additional} more elements fit; the strong guarantee: on failure nothing changed. */
    private void growFor(long additional, String operation) {
        ensureLive(operation);
        long needed = size + additional;
        if (needed < 0) throw tooBig(operation, Long.MAX_VALUE);
        long doubled = capacity > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : capacity * 2;
        long newCapacity = Math.max(needed, Math.max(doubled, MIN_CAPACITY));
        long newBytes;
        try {
            newBytes = Math.multiplyExact(newCapacity, stride);
        } catch (ArithmeticException overflow) {
            if (needed == newCapacity) throw tooBig(operation, needed);
            newCapacity = needed; // doubling overflowed but the exact need may still fit
            try {
                newBytes = Math.multiplyExact(newCapacity, stride);
            } catch (ArithmeticException stillOverflow) {
                throw tooBig(operation, needed);
            }
        }
        long newHandle = capacity == 0
                ? store.allocate(newBytes, alignment)
                : store.grow(handle, capacity * stride, newBytes, alignment);
        handle = newHandle;
        capacity = newCapacity;
        if (cachePointer) setBuffer(store.resolve(newHandle, newBytes));
    }

    /** Elements were dropped or shifted: let a debug store kill the pointers handed out so far. */
    private void killPointers() {
        if (capacity > 0 && StoreTraits.pointersInvalidated(store, handle, capacity * stride) && cachePointer) {
            setBuffer(store.resolve(handle, capacity * stride));
        }
    }

    private void die(int newState) {
        state = newState;
        size = 0;
        capacity = 0;
        setBuffer(cachePointer ? MemorySegment.NULL : null);
    }

    private void setBuffer(MemorySegment newBuffer) {
        buffer = newBuffer;
        longBuffer = longElements ? newBuffer : null;
    }

    private void ensureLive(String operation) {
        if (state != LIVE) throw deadError(operation);
    }

    private IllegalStateException deadError(String operation) {
        return state == CLOSED
                ? new IllegalStateException("StoreVec." + operation + ": the vector is closed")
                : new IllegalStateException("StoreVec." + operation
                        + ": the vector was moved to " + movedTo + " by moveTo; use the vector moveTo returned");
    }

    private RuntimeException indexError(String operation, long index, long bound) {
        if (state != LIVE) return deadError(operation);
        return new IndexOutOfBoundsException("StoreVec." + operation + "(" + index + "): index out of bounds for "
                + (operation.equals("insertLong") ? "positions 0.." + (bound - 1) : "size " + bound));
    }

    private UnsupportedOperationException notLongs(String operation) {
        return new UnsupportedOperationException("StoreVec." + operation + " needs 8-byte elements, but this vector's elements are "
                + elementLayout + " (" + stride + " bytes apart); use get(index) and the pointer it returns");
    }

    private StoreExhaustedException tooBig(String operation, long elements) {
        return new StoreExhaustedException("StoreVec." + operation + ": " + elements + " elements of " + stride
                + " bytes do not fit in a long byte size");
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
