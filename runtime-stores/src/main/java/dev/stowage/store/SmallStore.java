package dev.stowage.store;

import dev.stowage.qual.Multiple;
import java.lang.foreign.MemorySegment;

/**
 * Inline when it fits, else a fallback store: the first allocation that fits {@code inlineCapacity}
 * bytes (and 8-byte alignment) lives in an {@link InlineStore} on the Java heap; the others, and
 * any allocation while the inline room is taken, go to the fallback.
 *
 * <p>Guarantees: as its fallback, minus stability — {@code @Multiple}, and the fallback must be
 * {@code @Multiple} too (the constructor checks its class's qualifiers). The inline room is never
 * reused while its allocation is live, so allocating never invalidates another handle. Growing an
 * inline allocation past the inline capacity moves it to the fallback (a new handle, as always
 * after {@code grow}). Inline handles have bit 63 set; the fallback's handles must not (no store of
 * this package sets it; another store's handle that does throws {@link IllegalStateException}).
 * The small store owns its fallback: closing it closes the fallback.
 *
 * <pre>{@code
 * try (SmallStore store = new SmallStore(16, new GlobalStore())) {
 *     long small = store.allocate(16, 8);      // inline, on the heap
 *     long big = store.allocate(4096, 8);      // malloc
 * }
 * }</pre>
 */
@Multiple
public final class SmallStore implements Store {

    private static final long INLINE_TAG = Long.MIN_VALUE;

    private final InlineStore inline;
    /** The inline room's memory: resolve slices it without going through {@link InlineStore}. */
    private final MemorySegment room;
    private final Store fallback;
    /** The tagged handle of the live inline allocation, or 0 (never a tagged handle) when none. */
    private long inlineHandle;
    private long inlineSize;
    private boolean closed;

    /**
     * @param inlineCapacity the bytes the inline room holds
     * @param fallback a {@code @Multiple} store for what does not fit; the small store owns it
     */
    public SmallStore(long inlineCapacity, @Multiple Store fallback) {
        if (!Guarantees.of(fallback).multiple()) {
            throw new IllegalArgumentException("the fallback of a SmallStore must be @Multiple, and "
                    + fallback + " is " + Guarantees.of(fallback));
        }
        this.inline = new InlineStore(inlineCapacity);
        this.room = inline.room();
        this.fallback = fallback;
    }

    /** The store that takes what does not fit inline. */
    public Store fallback() {
        return fallback;
    }

    @Override
    public long dangling(long byteAlignment) {
        return Checks.dangling(byteAlignment);
    }

    @Override
    public long allocate(long byteSize, long byteAlignment) {
        requireOpen();
        if (fitsInline(byteSize, byteAlignment)) {
            inline.allocate(byteSize, byteAlignment);
            return syncInline();
        }
        return checkedFallbackHandle(fallback.allocate(byteSize, byteAlignment), byteSize, byteAlignment);
    }

    @Override
    public long allocateZeroed(long byteSize, long byteAlignment) {
        requireOpen();
        if (fitsInline(byteSize, byteAlignment)) {
            inline.allocateZeroed(byteSize, byteAlignment);
            return syncInline();
        }
        return checkedFallbackHandle(fallback.allocateZeroed(byteSize, byteAlignment), byteSize, byteAlignment);
    }

    @Override
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        if (handle < 0) {
            inline.deallocate(handle & ~INLINE_TAG, byteSize, byteAlignment);
            syncInline();
        } else if (Checks.isDangling(handle)) {
            inline.deallocate(handle, byteSize, byteAlignment); // validates; frees nothing
        } else {
            fallback.deallocate(handle, byteSize, byteAlignment);
        }
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        if (handle == inlineHandle && Long.compareUnsigned(byteSize, inlineSize) <= 0) {
            return room.asSlice(0, byteSize); // the inline allocation: two compares and a slice
        }
        return resolveOther(handle, byteSize);
    }

    private MemorySegment resolveOther(long handle, long byteSize) {
        requireOpen();
        if (handle < 0) {
            return inline.resolve(handle & ~INLINE_TAG, byteSize); // throws: stale, or too many bytes
        }
        if (Checks.isDangling(handle)) {
            return Checks.resolveDangling(handle, byteSize, this);
        }
        return fallback.resolve(handle, byteSize);
    }

    @Override
    public long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        return resize(handle, oldByteSize, newByteSize, byteAlignment, false);
    }

    @Override
    public long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        return resize(handle, oldByteSize, newByteSize, byteAlignment, true);
    }

    private long resize(long handle, long oldByteSize, long newByteSize, long byteAlignment, boolean zeroed) {
        Checks.requireGrow(oldByteSize, newByteSize, byteAlignment);
        if (oldByteSize == 0) {
            return zeroed ? allocateZeroed(newByteSize, byteAlignment) : allocate(newByteSize, byteAlignment);
        }
        if (handle >= 0) {
            long grown = zeroed ? fallback.growZeroed(handle, oldByteSize, newByteSize, byteAlignment)
                    : fallback.grow(handle, oldByteSize, newByteSize, byteAlignment);
            return checkedFallbackHandle(grown, newByteSize, byteAlignment);
        }
        long roomHandle = handle & ~INLINE_TAG;
        MemorySegment old = inline.resolve(roomHandle, oldByteSize); // validates the handle first
        if (newByteSize <= inline.capacity()) {
            if (zeroed) {
                inline.growZeroed(roomHandle, oldByteSize, newByteSize, byteAlignment);
            } else {
                inline.grow(roomHandle, oldByteSize, newByteSize, byteAlignment);
            }
            return syncInline();
        }
        long moved = zeroed ? fallback.allocateZeroed(newByteSize, byteAlignment)
                : fallback.allocate(newByteSize, byteAlignment);
        checkedFallbackHandle(moved, newByteSize, byteAlignment);
        MemorySegment.copy(old, 0, fallback.resolve(moved, newByteSize), 0, oldByteSize);
        inline.deallocate(roomHandle, oldByteSize, byteAlignment);
        syncInline();
        return moved;
    }

    @Override
    public long shrink(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        if (handle < 0) {
            long shrunk = inline.shrink(handle & ~INLINE_TAG, oldByteSize, newByteSize, byteAlignment);
            syncInline();
            return Checks.isDangling(shrunk) ? shrunk : INLINE_TAG | shrunk;
        }
        if (Checks.isDangling(handle)) {
            return inline.shrink(handle, oldByteSize, newByteSize, byteAlignment);
        }
        return fallback.shrink(handle, oldByteSize, newByteSize, byteAlignment);
    }

    /** Closes the inline room and the fallback store. */
    @Override
    public void close() {
        closed = true;
        inline.close();
        syncInline();
        fallback.close();
    }

    @Override
    public String toString() {
        return closed ? "SmallStore[closed]" : "SmallStore[inline " + inline + ", fallback " + fallback + "]";
    }

    /** Copies the inline room's state into the fast-path fields; returns the tagged handle. */
    private long syncInline() {
        if (inline.isOccupied()) {
            inlineHandle = INLINE_TAG | inline.currentHandle();
            inlineSize = inline.currentSize();
        } else {
            inlineHandle = 0;
            inlineSize = 0;
        }
        return inlineHandle;
    }

    private void requireOpen() {
        if (closed) {
            throw Checks.closed(this);
        }
    }

    private boolean fitsInline(long byteSize, long byteAlignment) {
        return byteSize > 0 && byteSize <= inline.capacity() && byteAlignment > 0
                && byteAlignment <= InlineStore.MAX_ALIGNMENT && !inline.isOccupied();
    }

    private long checkedFallbackHandle(long handle, long byteSize, long byteAlignment) {
        if (handle < 0) {
            fallback.deallocate(handle, byteSize, byteAlignment);
            throw new IllegalStateException("the fallback " + fallback + " issued handle "
                    + Checks.hex(handle) + " with bit 63 set, which SmallStore uses for its inline room");
        }
        return handle;
    }
}
