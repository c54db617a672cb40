package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Resolves;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A doubly linked list of fixed-size elements, one allocation of a {@link Store} per node: Rust's
 * {@code LinkedList<T, S>} over a store.
 *
 * <p>Each node holds the handles of its neighbours (16 bytes) followed by the element; the list is a
 * ring (the head's previous node is the tail), so no handle value is reserved to mean "none". Every
 * access resolves the node's handle afresh, so the list works over every store, stable or not.
 *
 * <h2>Which calls invalidate pointers</h2>
 * Pointers from {@link #front()}, {@link #back()}, {@link #get(long)}, {@link #pushFront()} and
 * {@link #pushBack()} point into one node. At run time a node never moves on a {@code @Stable}
 * store, so such a pointer dies only when its node is popped or the list is closed. The declared
 * contracts are coarser, because the checker tracks a list's pointers as a whole: pushes and pops
 * allocate or free a node, which on a store that is not {@code @Stable} may move every other
 * allocation, so they are declared {@link Effect#RELOCATE} (which also counts as an allocation in the
 * list's store); {@link #splitOff} and {@link #append} hand nodes to another list and are declared
 * {@link Effect#POINTERS}.
 *
 * <h2>Moving nodes between lists: sharing stores</h2>
 * {@link #splitOff} and {@link #append} move nodes from one list to another without copying. That is
 * sound only if a handle of one list's store is valid with the other's: both stores must be members
 * of one sharing set ({@link SharingStore}, the {@code @SharedStore} qualifier), as in the Storage
 * API discussion (seed 000). {@code splitOff} gives the new list a new member of the set
 * ({@link SharingStore#share()}), which that list owns and closes when it is closed; the nodes stay
 * alive as long as any member of the set is open. On any other store both throw
 * {@link UnsupportedOperationException} (or {@link IllegalArgumentException} when two sharing stores
 * are not in one set) and change nothing.
 *
 * <pre>{@code
 * try (SharedArenaStore store = new SharedArenaStore(); StoreList list = StoreList.create(store, JAVA_LONG)) {
 *     for (long i = 0; i < 4; i++) list.pushBack().set(JAVA_LONG, 0, i);     // 0 1 2 3
 *     list.pushFront().set(JAVA_LONG, 0, -1);                               // -1 0 1 2 3
 *     try (StoreList tail = list.splitOff(2)) {                              // list: -1 0, tail: 1 2 3
 *         tail.popBack();                                                   // tail: 1 2
 *         list.append(tail);                                                // list: -1 0 1 2, tail empty
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe. A closed list throws {@link IllegalStateException} on use; {@code close()} may be
 * called again and then does nothing.
 */
public final class StoreList implements AutoCloseable {

    private static final ValueLayout.OfLong LINK = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long PREV = 0;
    private static final long NEXT = 8;
    private static final long HEADER_BYTES = 16;

    private final Store store;
    /** True if {@link #store} is a sharing member this list made (by splitOff) and must close. */
    private final boolean ownsStore;
    private final MemoryLayout elementLayout;
    private final long elementSize;
    private final long payloadOffset;
    private final long nodeBytes;
    private final long nodeAlignment;
    /** The store is {@code @Multiple}: it can hold more than one node at a time. */
    private final boolean multiple;

    private long head;
    private long tail;
    private long size;
    private boolean closed;

    private StoreList(Store store, MemoryLayout elementLayout, boolean ownsStore) {
        this.store = Objects.requireNonNull(store, "store");
        this.elementLayout = Objects.requireNonNull(elementLayout, "elementLayout");
        this.ownsStore = ownsStore;
        this.multiple = StoreTraits.isMultiple(store);
        this.elementSize = elementLayout.byteSize();
        this.nodeAlignment = Math.max(Long.BYTES, elementLayout.byteAlignment());
        this.payloadOffset = StoreVec.alignUp(HEADER_BYTES, elementLayout.byteAlignment());
        this.nodeBytes = StoreVec.alignUp(payloadOffset + elementSize, nodeAlignment);
    }

    /** A new, empty list of elements laid out as {@code elementLayout}, whose nodes live in {@code store}. */
    @Issues("#1")
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public static StoreList create(Store store, MemoryLayout elementLayout) {
        return new StoreList(store, elementLayout, false);
    }

    /**
     * A new, empty list whose nodes live in the innermost scoped store ({@link Stores#current()}).
     * The checker cannot name the ambient store, so it neither ties the list to it nor sees its
     * allocations there; see {@link Stores}.
     *
     * @throws NoScopedStoreException outside {@code Stores.where(store).run(...)}
     */
    public static StoreList create(MemoryLayout elementLayout) {
        return new StoreList(Stores.current(), elementLayout, false);
    }

    /** The store that holds this list's nodes (for a list made by {@link #splitOff}, the member it owns). */
    public Store store() {
        return store;
    }

    /** The layout of one element. */
    public MemoryLayout elementLayout() {
        return elementLayout;
    }

    /** The number of elements. */
    public long size() {
        ensureOpen("size");
        return size;
    }

    /** True if the list has no elements. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Adds a zero-filled element before the first one and returns a pointer to it. */
    @Resolves
    @Invalidates(effect = Effect.ALLOCATE) // a new node: judged by the store's guarantees, nothing moves on a @Stable store
    public MemorySegment pushFront() {
        long node = linkNew();
        head = node;
        return payload(node);
    }

    /** Adds a zero-filled element after the last one and returns a pointer to it. */
    @Resolves
    @Invalidates(effect = Effect.ALLOCATE) // a new node: judged by the store's guarantees, nothing moves on a @Stable store
    public MemorySegment pushBack() {
        long node = linkNew();
        tail = node;
        return payload(node);
    }

    /**
     * Removes the first element and frees its node.
     *
     * @throws NoSuchElementException if the list is empty
     */
    @Invalidates(effect = Effect.RELOCATE)
    public void popFront() {
        ensureNotEmpty("popFront");
        long node = head;
        if (size == 1) {
            head = tail = 0;
        } else {
            long next = link(node, NEXT);
            setLink(tail, NEXT, next);
            setLink(next, PREV, tail);
            head = next;
        }
        size--;
        store.deallocate(node, nodeBytes, nodeAlignment);
    }

    /**
     * Removes the last element and frees its node.
     *
     * @throws NoSuchElementException if the list is empty
     */
    @Invalidates(effect = Effect.RELOCATE)
    public void popBack() {
        ensureNotEmpty("popBack");
        long node = tail;
        if (size == 1) {
            head = tail = 0;
        } else {
            long previous = link(node, PREV);
            setLink(previous, NEXT, head);
            setLink(head, PREV, previous);
            tail = previous;
        }
        size--;
        store.deallocate(node, nodeBytes, nodeAlignment);
    }

    /**
     * A pointer to the first element.
     *
     * @throws NoSuchElementException if the list is empty
     */
    @Resolves
    public MemorySegment front() {
        ensureNotEmpty("front");
        return payload(head);
    }

    /**
     * A pointer to the last element.
     *
     * @throws NoSuchElementException if the list is empty
     */
    @Resolves
    public MemorySegment back() {
        ensureNotEmpty("back");
        return payload(tail);
    }

    /**
     * A pointer to the element at {@code index}, walking from the nearer end (O(min(index, size - index))).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    @Resolves
    public MemorySegment get(long index) {
        ensureOpen("get");
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("StoreList.get(" + index + "): index out of bounds for size " + size);
        }
        return payload(nodeAt(index));
    }

    /**
     * Splits the list at {@code at}: this list keeps the first {@code at} elements and the returned
     * list gets the rest, without copying. The returned list lives in a new member of this list's
     * sharing set ({@link SharingStore#share()}), which it owns: closing it frees its nodes and closes
     * that member.
     *
     * <pre>{@code
     * StoreList rest = list.splitOff(list.size() / 2);
     * }</pre>
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= at <= size()}
     * @throws UnsupportedOperationException if this list's store is not a {@code @SharedStore} {@link SharingStore}
     */
    @Invalidates(effect = Effect.POINTERS)
    public StoreList splitOff(long at) {
        ensureOpen("splitOff");
        if (at < 0 || at > size) {
            throw new IndexOutOfBoundsException("StoreList.splitOff(" + at + "): the split point must be in 0.." + size);
        }
        SharingStore sharing = StoreTraits.asShared(store);
        if (sharing == null) {
            throw new UnsupportedOperationException("StoreList.splitOff needs a SharingStore (the split-off nodes go to a new member"
                    + " of the store's sharing set), but this list's store is " + store
                    + "; create the list over a SharedArenaStore, or copy the elements instead");
        }
        StoreList rest = new StoreList(sharing.share(), elementLayout, true);
        killAllPointers(); // POINTERS: conservatively every pointer of this list, as the checker sees it
        if (at == size) return rest;
        if (at == 0) {
            rest.takeAll(this);
            return rest;
        }
        long first = nodeAt(at);
        long last = link(first, PREV);
        // Close both rings: first..tail becomes the new list, head..last stays here.
        setLink(tail, NEXT, first);
        setLink(first, PREV, tail);
        setLink(last, NEXT, head);
        setLink(head, PREV, last);
        rest.head = first;
        rest.tail = tail;
        rest.size = size - at;
        tail = last;
        size = at;
        return rest;
    }

    /**
     * Moves every element of {@code other} to the end of this list, without copying; {@code other}
     * is left empty (and open). Both lists' stores must be in one sharing set.
     *
     * @throws IllegalArgumentException if {@code other} is this list, or the stores are sharing stores of different sets
     * @throws UnsupportedOperationException if either store is not a {@code @SharedStore} {@link SharingStore}
     */
    @Invalidates(value = "#1", effect = Effect.POINTERS)
    public void append(StoreList other) {
        ensureOpen("append");
        Objects.requireNonNull(other, "other");
        other.ensureOpen("append (the list appended)");
        if (other == this) throw new IllegalArgumentException("StoreList.append: cannot append a list to itself");
        SharingStore mine = StoreTraits.asShared(store);
        SharingStore theirs = StoreTraits.asShared(other.store);
        if (mine == null || theirs == null) {
            throw new UnsupportedOperationException("StoreList.append needs both lists in one sharing set (SharingStore),"
                    + " but this list's store is " + store + " and the other's is " + other.store);
        }
        if (!StoreTraits.shareHandles(mine, theirs)) {
            throw new IllegalArgumentException("StoreList.append: the two lists' stores are not members of one sharing set: "
                    + store + " and " + other.store + "; make one with share() from the other");
        }
        if (nodeBytes != other.nodeBytes || payloadOffset != other.payloadOffset || elementSize != other.elementSize) {
            throw new IllegalArgumentException("StoreList.append: the element layouts differ in size or alignment: "
                    + elementLayout + " and " + other.elementLayout);
        }
        if (other.size == 0) return;
        other.killAllPointers(); // POINTERS on the other list: its nodes now belong to this one
        if (size == 0) {
            takeAll(other);
            return;
        }
        setLink(tail, NEXT, other.head);
        setLink(other.head, PREV, tail);
        setLink(other.tail, NEXT, head);
        setLink(head, PREV, other.tail);
        tail = other.tail;
        size += other.size;
        other.head = other.tail = 0;
        other.size = 0;
    }

    /**
     * Frees every node, and closes the store if this list owns it (a list made by {@link #splitOff}).
     * The list is dead afterwards; calling {@code close} again does nothing.
     */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (closed) return;
        long node = head;
        for (long i = 0; i < size; i++) {
            long next = link(node, NEXT);
            store.deallocate(node, nodeBytes, nodeAlignment);
            node = next;
        }
        head = tail = 0;
        size = 0;
        closed = true;
        if (ownsStore) store.close();
    }

    /** For a debugger: size, element layout, store, and the first values of a list of longs. */
    @Override
    public String toString() {
        if (closed) return "StoreList[closed, store=" + store + "]";
        StringBuilder text = new StringBuilder("StoreList[size=").append(size)
                .append(", element=").append(elementLayout)
                .append(", store=").append(store);
        if (elementSize == Long.BYTES && size > 0) {
            text.append(", [");
            long node = head;
            long shown = Math.min(size, 16);
            for (long i = 0; i < shown; i++) {
                if (i > 0) text.append(", ");
                text.append(payload(node).get(LINK, 0));
                node = link(node, NEXT);
            }
            if (shown < size) text.append(", … ").append(size - shown).append(" more");
            text.append(']');
        }
        return text.append(']').toString();
    }

    // ---- internals ----

    /** Allocates a node and links it between tail and head (the caller makes it the new head or tail). */
    private long linkNew() {
        ensureOpen("push");
        if (size > 0 && !multiple) {
            throw new UnsupportedOperationException("StoreList: a second node needs a @Multiple store (allocating again in "
                    + store + " may reuse the first node's memory); use an ArenaStore, SlabStore, GlobalStore or another @Multiple store");
        }
        long node = store.allocateZeroed(nodeBytes, nodeAlignment);
        if (size == 0) {
            setLink(node, PREV, node);
            setLink(node, NEXT, node);
            head = tail = node;
        } else {
            setLink(node, PREV, tail);
            setLink(node, NEXT, head);
            setLink(tail, NEXT, node);
            setLink(head, PREV, node);
        }
        size++;
        return node;
    }

    /**
     * Lets a debug store kill the pointers into every node of this list (an {@code Effect.POINTERS}
     * operation); walks the list only when the store is a {@code CheckedStore}.
     */
    private void killAllPointers() {
        if (!(store instanceof CheckedStore)) return;
        long node = head;
        for (long i = 0; i < size; i++) {
            StoreTraits.pointersInvalidated(store, node, nodeBytes);
            node = link(node, NEXT);
        }
    }

    private void takeAll(StoreList from) {
        head = from.head;
        tail = from.tail;
        size = from.size;
        from.head = from.tail = 0;
        from.size = 0;
    }

    private long nodeAt(long index) {
        long node;
        if (index <= size / 2) {
            node = head;
            for (long i = 0; i < index; i++) node = link(node, NEXT);
        } else {
            node = tail;
            for (long i = size - 1; i > index; i--) node = link(node, PREV);
        }
        return node;
    }

    private MemorySegment payload(long node) {
        return store.resolve(node, nodeBytes).asSlice(payloadOffset, elementSize);
    }

    private long link(long node, long which) {
        return store.resolve(node, HEADER_BYTES).get(LINK, which);
    }

    private void setLink(long node, long which, long target) {
        store.resolve(node, HEADER_BYTES).set(LINK, which, target);
    }

    private void ensureNotEmpty(String operation) {
        ensureOpen(operation);
        if (size == 0) throw new NoSuchElementException("StoreList." + operation + ": the list is empty");
    }

    private void ensureOpen(String operation) {
        if (closed) throw new IllegalStateException("StoreList." + operation + ": the list is closed");
    }
}
