package dev.stowage.store;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The C heap: {@code malloc}, {@code calloc}, {@code realloc}, {@code aligned_alloc} and
 * {@code free} called through the FFM {@link Linker}. A handle is the address of the allocation.
 *
 * <p><b>Restricted.</b> This store is <em>restricted</em>, as the restricted methods of
 * {@code java.lang.foreign} are: it is unsafe, and, if used incorrectly, might crash the JVM or, worse,
 * silently result in memory corruption. It trusts its caller with every handle ({@code malloc}'s
 * own contract): a handle it never issued, a double free, a wrong size given to {@code grow}, or a
 * use after free reach the C heap unchecked. That is the price of being plain {@code malloc}; every
 * other store of this package is safe for any argument (see {@code docs/stores.md}). Creating one
 * therefore requires native access for the <em>caller's</em> module, checked the way the JDK checks a
 * restricted method: {@code --illegal-native-access=deny} makes the constructor throw
 * {@link IllegalCallerException} when the caller's module has no native access, {@code warn} (the
 * default) prints the JDK's warning once per module, {@code allow} is silent. So this library's
 * native access cannot be used to get around the JDK's rule.
 *
 * <p>Guarantees: {@code @Pinned @Multiple}. Nothing ever moves, and memory that is not freed stays
 * valid for the life of the process, even after this store is closed: that is what makes
 * {@code StoreBox.leak()} sound. {@link #close()} therefore frees nothing; it only ends the use of
 * this instance (every later call throws {@link IllegalStateException}). The store keeps no record
 * of its allocations (that is {@code malloc}'s job), so it cannot tell a foreign or freed handle from
 * a live one: wrap it in a {@link CheckedStore} to find those bugs ({@code resolve} only refuses
 * handles in the null page, such as small dangling handles, rather than crash the JVM).
 *
 * <p>Zero-byte allocations return {@link #dangling} handles and cost nothing. Alignments up to
 * {@value #MALLOC_ALIGNMENT} use {@code malloc}/{@code realloc}; larger ones use
 * {@code aligned_alloc}, and growing them copies. The calls are made with
 * {@link Linker.Option#critical} (they never call back into Java), which makes them about as cheap
 * as a native call can be. Thread-safe, as the C heap is.
 *
 * <pre>{@code
 * try (Store store = new GlobalStore()) {
 *     long h = store.allocate(64, 8);
 *     store.resolve(h, 64).set(ValueLayout.JAVA_LONG, 0, 42);
 *     h = store.grow(h, 64, 128, 8);
 *     store.deallocate(h, 128, 8);
 * }
 * }</pre>
 */
@SuppressWarnings("restricted") // native access is what this class is for (see docs/stores.md)
@Pinned @Multiple
public final class GlobalStore extends AbstractStore {

    /** The alignment {@code malloc} guarantees on the 64-bit platforms the JDK supports. */
    public static final long MALLOC_ALIGNMENT = 16;
    /** Handles below this are never addresses of an allocation (the null page). */
    private static final long MIN_ADDRESS = 4096;
    /** Handles at or above this are never user-space addresses (bit 62 marks dangling handles). */
    private static final long ADDRESS_LIMIT = 1L << 56;

    private static final MethodHandle MALLOC;
    private static final MethodHandle CALLOC;
    private static final MethodHandle REALLOC;
    private static final MethodHandle ALIGNED_ALLOC;
    private static final MethodHandle FREE;
    /** All of the address space: a handle resolves to a slice of it (one bounds check, no scope). */
    private static final MemorySegment ALL_MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    static {
        if (ADDRESS.byteSize() != 8) {
            throw new ExceptionInInitializerError("GlobalStore needs a 64-bit platform");
        }
        // Pointers and size_t are passed as Java longs (LP64): no MemorySegment wrapping per call.
        Linker linker = Linker.nativeLinker();
        Linker.Option critical = Linker.Option.critical(false);
        MALLOC = downcall(linker, "malloc", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG), critical);
        CALLOC = downcall(linker, "calloc", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG), critical);
        REALLOC = downcall(linker, "realloc", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG), critical);
        ALIGNED_ALLOC = downcall(linker, "aligned_alloc",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG), critical);
        FREE = downcall(linker, "free", FunctionDescriptor.ofVoid(JAVA_LONG), critical);
    }

    private static MethodHandle downcall(Linker linker, String name, FunctionDescriptor descriptor,
            Linker.Option option) {
        MemorySegment symbol = linker.defaultLookup().find(name).orElseThrow(
                () -> new ExceptionInInitializerError("the C library has no '" + name + "'"));
        return linker.downcallHandle(symbol, descriptor, option);
    }


    /**
     * A view of the C heap; cheap to create. This constructor is <em>restricted</em>: see the class
     * comment.
     *
     * @throws IllegalCallerException if the caller's module has no native access and the JVM runs
     *     with {@code --illegal-native-access=deny}
     */
    public GlobalStore() {
        NativeAccess.ensureNativeAccess(GlobalStore.class, "<init>");
    }

    /** A non-zero address aligned to {@code byteAlignment}: the alignment itself. */
    @Override
    public long dangling(long byteAlignment) {
        Checks.requireAlignment(byteAlignment);
        return byteAlignment;
    }

    @Override
    long allocateBytes(long byteSize, long byteAlignment) {
        long address = byteAlignment <= MALLOC_ALIGNMENT
                ? malloc(byteSize)
                : alignedAlloc(byteAlignment, byteSize);
        if (address == 0) {
            throw exhausted("allocate", byteSize, byteAlignment);
        }
        return address;
    }

    /** {@code calloc} where {@code malloc} would do; otherwise allocate and fill. */
    @Override
    public long allocateZeroed(long byteSize, long byteAlignment) {
        requireOpen();
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        if (byteSize == 0 || byteAlignment > MALLOC_ALIGNMENT) {
            return super.allocateZeroed(byteSize, byteAlignment);
        }
        long address = calloc(byteSize);
        if (address == 0) {
            throw exhausted("allocateZeroed", byteSize, byteAlignment);
        }
        return address;
    }

    @Override
    void deallocateBytes(long handle, long byteSize, long byteAlignment) {
        requireAddress(handle, "deallocate");
        free(handle);
    }

    @Override
    public MemorySegment resolve(long handle, long byteSize) {
        if (handle < MIN_ADDRESS || handle >= ADDRESS_LIMIT || closed) {
            return resolveUnusual(handle, byteSize);
        }
        return ALL_MEMORY.asSlice(handle, byteSize);
    }

    /** A dangling handle here is an address in the null page: the alignment it was made with. */
    @Override
    boolean isDanglingHandle(long handle) {
        return handle > 0 && handle < MIN_ADDRESS;
    }

    @Override
    RuntimeException refuse(long handle, long byteSize) {
        return new StaleHandleException("resolve: handle " + Checks.hex(handle) + " of " + this
                + " is not the address of an allocation (a dangling or null handle), resolved with byteSize "
                + byteSize);
    }

    @Override
    long growBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireAddress(handle, "grow");
        if (newByteSize == oldByteSize) {
            return handle;
        }
        if (byteAlignment <= MALLOC_ALIGNMENT) {
            long address = realloc(handle, newByteSize);
            if (address == 0) { // realloc left the old block as it was
                throw exhausted("grow", newByteSize, byteAlignment);
            }
            return address;
        }
        long address = alignedAlloc(byteAlignment, newByteSize);
        if (address == 0) {
            throw exhausted("grow", newByteSize, byteAlignment);
        }
        MemorySegment.copy(ALL_MEMORY, handle, ALL_MEMORY, address, oldByteSize);
        free(handle);
        return address;
    }

    @Override
    long shrinkBytes(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireAddress(handle, "shrink");
        if (newByteSize == oldByteSize || byteAlignment > MALLOC_ALIGNMENT) {
            return handle; // a bigger block than needed is still a valid block to free later
        }
        long address = realloc(handle, newByteSize);
        return address == 0 ? handle : address;
    }

    /**
     * Ends the use of this instance. Frees nothing: the store is {@code @Pinned}, so memory still
     * allocated (leaked) stays valid for the life of the process.
     */
    @Override
    void releaseMemory() {}

    @Override
    public String toString() {
        return "GlobalStore[" + (closed ? "closed" : "open") + "]";
    }

    private void requireAddress(long handle, String operation) {
        // Addresses below one page are never returned by malloc; they are dangling handles or garbage.
        if (Long.compareUnsigned(handle, MIN_ADDRESS) < 0) {
            throw new IllegalArgumentException(operation + ": handle " + Checks.hex(handle)
                    + " is not an allocation of " + this + " (a dangling or null handle)");
        }
    }

    private StoreExhaustedException exhausted(String operation, long byteSize, long byteAlignment) {
        return new StoreExhaustedException(operation + ": the C heap could not provide " + byteSize
                + " bytes aligned to " + byteAlignment + " (" + this + ")");
    }

    private static long malloc(long byteSize) {
        try {
            return (long) MALLOC.invokeExact(byteSize);
        } catch (Throwable t) {
            throw new AssertionError("malloc downcall failed", t);
        }
    }

    private static long calloc(long byteSize) {
        try {
            return (long) CALLOC.invokeExact(1L, byteSize);
        } catch (Throwable t) {
            throw new AssertionError("calloc downcall failed", t);
        }
    }

    private static long realloc(long address, long byteSize) {
        try {
            return (long) REALLOC.invokeExact(address, byteSize);
        } catch (Throwable t) {
            throw new AssertionError("realloc downcall failed", t);
        }
    }

    private static long alignedAlloc(long byteAlignment, long byteSize) {
        // C11 wants the size to be a multiple of the alignment.
        long rounded = byteSize + byteAlignment - 1;
        if (rounded < byteSize) {
            return 0;
        }
        rounded &= -byteAlignment;
        try {
            return (long) ALIGNED_ALLOC.invokeExact(byteAlignment, rounded);
        } catch (Throwable t) {
            throw new AssertionError("aligned_alloc downcall failed", t);
        }
    }

    private static void free(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw new AssertionError("free downcall failed", t);
        }
    }
}
