package dev.stowage.store;

import java.lang.foreign.MemorySegment;

/**
 * Argument checks and handle conventions shared by the stores of this package.
 *
 * <p>Every store but {@link GlobalStore} makes its dangling handles with {@link #dangling}: bit 62
 * set, the alignment in the low bits. No store of this package issues a real handle with bit 62 or
 * bit 63 set, so a dangling handle is never mistaken for a live one, and {@link SmallStore} can use
 * bit 63 to tell its inline allocation from its fallback's.
 */
final class Checks {
    /** Marks a dangling handle (see {@link Store#dangling}). */
    static final long DANGLING_TAG = 1L << 62;
    /** Bits 62 and 63: never set in a real handle of a store of this package. */
    static final long TAG_BITS = 3L << 62;
    /**
     * The largest alignment any store accepts (1 TiB, the largest allocation an arena chunk holds):
     * larger powers of two would overlap the tag bits of a dangling handle and no allocator can
     * honour them.
     */
    static final long MAX_ALIGNMENT = 1L << 40;

    private Checks() {}

    static void requireAlignment(long byteAlignment) {
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw new IllegalArgumentException(
                    "byteAlignment must be a power of two, got " + byteAlignment);
        }
        if (byteAlignment > MAX_ALIGNMENT) {
            throw new IllegalArgumentException("byteAlignment " + byteAlignment
                    + " is larger than the largest alignment a store supports, 2^40 (" + MAX_ALIGNMENT + ")");
        }
    }

    static void requireSizeAndAlignment(long byteSize, long byteAlignment) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("byteSize must not be negative, got " + byteSize);
        }
        requireAlignment(byteAlignment);
    }

    static void requireResolveSize(long byteSize) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("byteSize must not be negative, got " + byteSize);
        }
    }

    static void requireGrow(long oldByteSize, long newByteSize, long byteAlignment) {
        requireSizeAndAlignment(oldByteSize, byteAlignment);
        if (newByteSize < oldByteSize) {
            throw new IllegalArgumentException("grow: newByteSize " + newByteSize
                    + " is smaller than oldByteSize " + oldByteSize + " (use shrink)");
        }
    }

    static void requireShrink(long oldByteSize, long newByteSize, long byteAlignment) {
        requireSizeAndAlignment(oldByteSize, byteAlignment);
        if (newByteSize < 0 || newByteSize > oldByteSize) {
            throw new IllegalArgumentException("shrink: newByteSize " + newByteSize
                    + " must be between 0 and oldByteSize " + oldByteSize + " (use grow)");
        }
    }

    static long dangling(long byteAlignment) {
        requireAlignment(byteAlignment);
        return DANGLING_TAG | byteAlignment;
    }

    static boolean isDangling(long handle) {
        return (handle & DANGLING_TAG) != 0 && handle > 0;
    }

    /** The zero-length pointer a dangling handle resolves to: aligned, non-null, no memory. */
    static MemorySegment resolveDangling(long handle, long byteSize, Store store) {
        if (byteSize != 0) {
            throw new StaleHandleException("dangling handle 0x" + Long.toHexString(handle)
                    + " resolved with byteSize " + byteSize + " on " + store
                    + ": a dangling handle names no memory");
        }
        return MemorySegment.ofAddress(handle & ~DANGLING_TAG);
    }

    /** {@code value} rounded up to a multiple of the power of two {@code alignment}. */
    static long alignUp(long value, long alignment) {
        long mask = alignment - 1;
        long result = (value + mask) & ~mask;
        if (result < value) {
            throw new ArithmeticException("overflow aligning " + value + " to " + alignment);
        }
        return result;
    }

    /**
     * A random value for bits 0..61 that a store XORs into every handle it issues, so that a handle
     * of another store of the same kind decodes to a random value, which names one of this store's
     * allocations only with a probability of about (live allocations) / 2^62: foreign handles are
     * refused instead of being taken for this store's own. Not a secret (code that can see handles
     * can work it out); a guard against mistakes, like the tags of tagged pointers.
     */
    static long newSalt() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong() & ~TAG_BITS;
    }

    static String hex(long handle) {
        return "0x" + Long.toHexString(handle);
    }

    static IllegalStateException closed(Store store) {
        return new IllegalStateException(store + " is closed");
    }
}
