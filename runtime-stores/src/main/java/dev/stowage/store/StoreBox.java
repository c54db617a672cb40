package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Leaks;
import dev.stowage.qual.Resolves;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * One allocation of a {@link Store}, sized and aligned for a {@link MemoryLayout}: Rust's
 * {@code Box<T, S>}. The box owns its handle; {@link #get()} resolves it to a pointer.
 *
 * <p>A box is just a smart pointer over a handle (seed 004): its validity is the validity of the
 * handle in its store. {@link #get()} resolves again on every call, so a box stays usable whatever
 * else happens in the store; the <em>pointers</em> it returns follow the store's rules (stale after an
 * allocation in a store that is not {@code @Stable}, after {@link #moveTo}, {@link #close}, ...).
 *
 * <pre>{@code
 * try (StoreBox counter = StoreBox.allocate(store, ValueLayout.JAVA_LONG)) {   // zero-filled
 *     counter.get().set(ValueLayout.JAVA_LONG, 0, 41);
 *     StoreBox moved = counter.moveTo(otherStore);  // 'counter' is dead now (closing it does nothing)
 *     moved.get().get(ValueLayout.JAVA_LONG, 0);    // 41
 *     moved.close();
 * }
 * }</pre>
 *
 * <p>Not thread-safe. A closed, moved or leaked box throws {@link IllegalStateException} on use;
 * {@code close()} does nothing on a box that is no longer live, so boxes fit try-with-resources even
 * when they are moved or leaked.
 */
public final class StoreBox implements AutoCloseable {

    private static final int LIVE = 0;
    private static final int CLOSED = 1;
    private static final int MOVED = 2;
    private static final int LEAKED = 3;

    private final Store store;
    private final MemoryLayout layout;
    private final long byteSize;
    private final long byteAlignment;
    private final long handle;
    private int state = LIVE;
    private Store movedTo;

    private StoreBox(Store store, MemoryLayout layout, long handle) {
        this.store = store;
        this.layout = layout;
        this.byteSize = layout.byteSize();
        this.byteAlignment = layout.byteAlignment();
        this.handle = handle;
    }

    /**
     * Allocates a zero-filled region for {@code layout} in {@code store}. A layout of size 0 takes a
     * dangling handle and allocates nothing.
     *
     * @throws StoreExhaustedException if the store cannot hold it
     */
    @Issues("#1")
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public static StoreBox allocate(Store store, MemoryLayout layout) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(layout, "layout");
        long handle = layout.byteSize() == 0
                ? store.dangling(layout.byteAlignment())
                : store.allocateZeroed(layout.byteSize(), layout.byteAlignment());
        return new StoreBox(store, layout, handle);
    }

    /**
     * Allocates a zero-filled region for {@code layout} in the innermost scoped store
     * ({@link Stores#current()}). The checker cannot name the ambient store, so it neither ties the
     * box to it nor sees this call allocate in it; see {@link Stores}.
     *
     * @throws NoScopedStoreException outside {@code Stores.where(store).run(...)}
     */
    public static StoreBox allocate(MemoryLayout layout) {
        return allocate(Stores.current(), layout);
    }

    /**
     * A pointer to the box's memory, {@code layout.byteSize()} bytes. The store's rules say how long
     * it stays valid; the box itself is never changed by {@code get}.
     */
    @Resolves
    public MemorySegment get() {
        ensureLive("get");
        return byteSize == 0 ? MemorySegment.NULL : store.resolve(handle, byteSize);
    }

    /** The handle of the box's allocation in {@link #store()}; stale once the box is moved, leaked or closed. */
    @Issues
    public long handle() {
        ensureLive("handle");
        return handle;
    }

    /** The store that holds the box. */
    public Store store() {
        return store;
    }

    /** The layout the box was allocated for. */
    public MemoryLayout layout() {
        return layout;
    }

    /**
     * Consumes the box and returns a pointer that stays valid for the life of the process: the
     * memory is never freed.
     *
     * <p>Sound only on a {@code @Pinned} store ({@code GlobalStore}): any other store may move the
     * memory, reuse it, or free it when it is closed. The checker reports {@code box.leak.unpinned}
     * where it cannot prove the store is pinned; at run time this method checks the store's class
     * for {@code @Pinned} (through a {@code CheckedStore}, the class of the store it wraps) and
     * throws otherwise, leaving the box live and unchanged.
     *
     * <pre>{@code
     * MemorySegment config = StoreBox.allocate(globalStore, CONFIG_LAYOUT).leak();  // lives forever
     * }</pre>
     *
     * @throws UnsupportedOperationException if the store's class is not {@code @Pinned}
     */
    @Leaks
    @Invalidates(effect = Effect.MOVE)
    public MemorySegment leak() {
        ensureLive("leak");
        if (!StoreTraits.isPinned(store)) {
            throw new UnsupportedOperationException("StoreBox.leak: the box's store " + store
                    + " is not @Pinned, so its memory may move or be freed when the store closes;"
                    + " leak only boxes of a pinned store (GlobalStore), or keep the box and close it");
        }
        MemorySegment forever = byteSize == 0 ? MemorySegment.NULL : StoreTraits.leak(store, handle, byteSize);
        state = LEAKED;
        return forever;
    }

    /**
     * Copies the box's bytes into a new allocation of {@code target}, frees this box's allocation,
     * and returns the new box. This box is dead afterwards (its handle and pointers are stale).
     * {@code target} may be the box's own store; if that store is not {@code @Multiple} the
     * allocation is handed over without copying (a second allocation could reuse the first).
     *
     * @throws StoreExhaustedException if {@code target} cannot hold it; nothing changed then
     */
    @Issues("#1")
    @Invalidates(effect = Effect.MOVE)
    @Invalidates(value = "#1", effect = Effect.ALLOCATE)
    public StoreBox moveTo(Store target) {
        ensureLive("moveTo");
        Objects.requireNonNull(target, "target");
        StoreBox moved;
        if (byteSize == 0) {
            moved = new StoreBox(target, layout, target.dangling(byteAlignment));
        } else if (target == store && !StoreTraits.isMultiple(store)) {
            // A second allocation could reuse this one's memory: hand the allocation over instead of copying.
            moved = new StoreBox(target, layout, handle);
        } else {
            long newHandle = target.allocate(byteSize, byteAlignment);
            // Resolve the source only now: allocating in the same, unstable store may have moved it.
            MemorySegment.copy(store.resolve(handle, byteSize), 0, target.resolve(newHandle, byteSize), 0, byteSize);
            store.deallocate(handle, byteSize, byteAlignment);
            moved = new StoreBox(target, layout, newHandle);
        }
        state = MOVED;
        movedTo = target;
        return moved;
    }

    /** Frees the allocation. Does nothing if the box is already closed, moved or leaked. */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (state != LIVE) return;
        if (byteSize != 0) store.deallocate(handle, byteSize, byteAlignment);
        state = CLOSED;
    }

    /** For a debugger: the layout, handle, store and state. */
    @Override
    public String toString() {
        String status = switch (state) {
            case LIVE -> "live";
            case CLOSED -> "closed";
            case MOVED -> "moved to " + movedTo;
            default -> "leaked";
        };
        return "StoreBox[" + status + ", layout=" + layout + ", handle=0x" + Long.toHexString(handle) + ", store=" + store + "]";
    }

    private void ensureLive(String operation) {
        if (state == LIVE) return;
        String why = switch (state) {
            case CLOSED -> "the box is closed";
            case MOVED -> "the box was moved to " + movedTo + " by moveTo; use the box moveTo returned";
            default -> "the box was leaked; use the pointer leak returned";
        };
        throw new IllegalStateException("StoreBox." + operation + ": " + why);
    }
}
