package dev.stowage.store;

import dev.stowage.qual.Invalidates;
import dev.stowage.qual.Invalidates.Effect;
import dev.stowage.qual.Issues;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Persistent;
import dev.stowage.qual.Resolves;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A store whose memory is a file: allocations survive the process, and handles stay valid across
 * {@link #close()} and a later {@link #open} of the same file (a <em>persistent handle</em>).
 * Pointers are segments of a mapping of the file, so an allocation that grows the file remaps it and
 * kills every pointer, but no handle.
 *
 * <p>Guarantees: {@code @Multiple} and {@code @Persistent} (handles outlive {@link #close()}: the
 * checker accepts a handle kept across a close with the store reopened). Any {@code allocate} or
 * {@code grow} may grow the file and remap it (pointers resolved before then throw
 * {@link IllegalStateException} when used, the FFM way);
 * handles are offsets into the file and are never invalidated except by freeing them.
 *
 * <p><b>Durability.</b> Allocation metadata is durable when a call returns: {@code allocate},
 * {@code deallocate}, {@code grow}, {@code shrink}, the bulk calls and {@link #setRoot} are each one
 * crash-atomic durable step of the {@link DurableStack} underneath (after a crash the file holds the
 * state before or after the step, never a mix). Bytes written through pointers are durable after
 * {@link #sync()} (and {@link #close()}, which syncs); until then a crash may keep any of them.
 * The zeros of a new allocation are such bytes too: after a crash, an allocation whose contents
 * were never synced may hold old bytes of the file. {@link #allocateDurable} allocates and writes
 * initial contents in one durable step. See docs/stores.md for the file format and the per-method
 * table.
 *
 * <p><b>Roots.</b> A restarted program finds its data through {@link #root(int)}: eight {@code long}
 * slots in the file's header, set durably and atomically by {@link #setRoot} / {@link #setRoots}.
 *
 * <pre>{@code
 * try (FileStore store = FileStore.open(Path.of("data.stowage"))) {
 *     long h = store.root(0);
 *     if (h == 0) {                                   // a new file
 *         h = store.allocate(8, 8);
 *         store.setRoot(0, h);
 *     }
 *     MemorySegment counter = store.resolve(h, 8);
 *     counter.set(ValueLayout.JAVA_LONG, 0, counter.get(ValueLayout.JAVA_LONG, 0) + 1);
 *     store.sync();                                   // the new count is durable
 * }
 * }</pre>
 *
 * <p><b>Safety.</b> Every handle is checked before any memory is touched, against a map of the
 * heap's blocks kept on the Java heap (two bits per 16-byte granule, rebuilt from the block headers
 * when the file is opened: 1/64 of the heap's size); the calls that change a block also check the
 * header in front of it in the file (a live bit and a tag made of the offset and a random per-file
 * salt). Bytes in the file are never trusted alone: a header left behind a popped end of the heap
 * and grown over later names no block. So a wild, freed or misaligned handle, or one of another
 * file that names no live block here, throws {@link StaleHandleException}, a {@code byteSize}
 * beyond the allocation throws {@link IllegalArgumentException}, and every size is checked before
 * any arithmetic can overflow. The store takes an exclusive lock on the file; a second open (in this
 * or another process) is refused. Not thread-safe.
 */
@Persistent
@Multiple
public final class FileStore implements DurableStore {

    /**
     * Where allocations go. Chosen when the file is created and recorded in it.
     *
     * @param kind the placement rule
     * @param slotBytes for {@link Kind#SLAB}: the largest allocation (every slot's size); else 0
     */
    public record Policy(Kind kind, long slotBytes) {
        /** The placement rules. */
        public enum Kind {
            /** Bump allocation at the end; freed blocks are reused only once everything above them is freed. */
            LINEAR,
            /** A persistent free list: the first free block that fits is reused (split, coalesced). */
            FIRST_FIT,
            /** Fixed-size slots: any free slot is reused; larger requests are refused. */
            SLAB
        }

        public Policy {
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.SLAB ? slotBytes <= 0 || slotBytes > MAX_ALLOCATION : slotBytes != 0) {
                throw new IllegalArgumentException(kind == Kind.SLAB
                        ? "slab slots must hold 1.." + MAX_ALLOCATION + " bytes, got " + slotBytes
                        : "only SLAB has a slot size");
            }
        }

        /** Bump allocation; free only the last (and what lies free under it). */
        public static Policy linear() {
            return new Policy(Kind.LINEAR, 0);
        }

        /** First fit over a persistent free list (the default). */
        public static Policy firstFit() {
            return new Policy(Kind.FIRST_FIT, 0);
        }

        /** Fixed slots of {@code slotBytes} bytes. */
        public static Policy slab(long slotBytes) {
            return new Policy(Kind.SLAB, slotBytes);
        }
    }

    /** The number of root slots ({@link #root(int)}). */
    public static final int ROOT_SLOTS = 8;
    /** The largest single allocation. */
    public static final long MAX_ALLOCATION = DurableStack.MAX_LENGTH / 4;
    /** The strictest alignment: a page (the mapping starts at a page boundary). */
    public static final long MAX_ALIGNMENT = 4096;

    /** The largest heap: the stack's limit less 1 MiB, so that the resolve marks fit one Java array. */
    private static final long MAX_HEAP = DurableStack.MAX_LENGTH - (1L << 20);
    private static final long HEADER = 16;
    private static final long LIVE = 1;
    private static final long DATA = DurableStack.DATA_START;
    private static final long ROOT_OFFSET = DurableStack.APP_AREA_OFFSET;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

    private final DurableStack stack;
    private final Policy policy;
    private final long slotExtent;
    private final long tagKey;
    /** The payload (the stack's bytes) of the current mapping; null once closed. */
    private MemorySegment payload;
    private long mappedEpoch;
    /** The committed length of the stack: blocks tile [0, length). */
    private long length;
    /** Free blocks: header offset -> payload extent. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    /** Undo log of the step being planned: {key, old value or -1}. */
    private final List<long[]> undo = new ArrayList<>();

    private static final long[] NO_MARKS = new long[0];
    /**
     * The bits a handle resolve's fast path accepts must have clear: the low 4 (a payload starts at
     * a 16-byte granule) and everything from 2^40 up (no heap is that large: {@link #MAX_HEAP}), so
     * a negative handle too.
     */
    private static final long NOT_GRANULE = -DurableStack.MAX_LENGTH | 15;
    private static final int MARK_START = 1;
    private static final int MARK_LIVE = 3;
    /**
     * What {@link #resolve} checks, on the Java heap: two bits per 16-byte granule of the heap, for
     * the granule where a block's payload starts (its header's granule + 1): {@code 01} a free
     * block, {@code 11} a live block, {@code 00} no block starts there. The granule just past the
     * heap ({@code length / 16 + 1}) holds the end sentinel {@code 01}, so that every block's extent
     * is bounded by the next mark. Rebuilt from the headers on open, changed only after a step
     * commits; {@link #checkedBlocks()} checks it against the file. Costs 1/64 of the heap
     * (16 MiB for a 1 GiB file). Empty once closed or failed.
     */
    private long[] marks = NO_MARKS;
    /** The marks the step being planned changes: pairs {block, mark}, applied when it commits. */
    private long[] markEdits = new long[32];
    private int markEditCount;
    /** The heap length the marks describe (the last committed length). */
    private long markedLength;

    private FileStore(DurableStack stack, Policy policy) throws IOException {
        this.stack = stack;
        this.policy = policy;
        this.slotExtent = policy.kind() == Policy.Kind.SLAB ? roundUp16(policy.slotBytes()) : 0;
        this.tagKey = stack.salt() | (1L << 62); // bit 62: a tag is never a valid first word
        this.length = stack.length();
        refreshMapping();
        walkOnOpen();
        ensureMarks(length);
        setMark((length >>> 4) + 1, MARK_START);
        markedLength = length;
    }

    /** Opens (or creates, with the first-fit policy) the store in {@code path}; an existing file keeps its policy. */
    public static FileStore open(Path path) throws IOException {
        return open(path, null);
    }

    /**
     * Opens the store in {@code path}, creating it with {@code policy} if it does not exist.
     *
     * @throws FileStoreException if the file is not a store, is damaged, is newer, is locked, or was
     *     made with another policy; the file is left untouched
     */
    public static FileStore open(Path path, Policy policy) throws IOException {
        DurableStack stack = DurableStack.open(path, header(policy == null ? Policy.firstFit() : policy));
        return wrap(stack, policy);
    }

    /** For tests: a store over a given file implementation (a fault-injecting one). */
    static FileStore open(FileIo io, String name, Policy policy) throws IOException {
        return wrap(DurableStack.open(io, name, header(policy == null ? Policy.firstFit() : policy)), policy);
    }

    private static FileStore wrap(DurableStack stack, Policy wanted) throws IOException {
        try {
            Policy recorded = readPolicy(stack);
            if (wanted != null && !wanted.equals(recorded)) {
                throw new FileStoreException(FileStoreException.Reason.POLICY_MISMATCH, stack.name() + " was made with "
                        + recorded + ", not " + wanted + "; open it with FileStore.open(path) or the same policy");
            }
            return new FileStore(stack, recorded);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static byte[] header(Policy policy) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'F').put(1, (byte) 'S').put(2, (byte) (policy.kind().ordinal() + 1));
        b.putLong(8, policy.slotBytes());
        return b.array();
    }

    private static Policy readPolicy(DurableStack stack) throws FileStoreException {
        ByteBuffer b = ByteBuffer.wrap(stack.applicationHeader()).order(ByteOrder.LITTLE_ENDIAN);
        if (b.capacity() != 16 || b.get(0) != 'F' || b.get(1) != 'S') {
            throw new FileStoreException(FileStoreException.Reason.FOREIGN, stack.name()
                    + " is a durable stack but not a FileStore (open it with DurableStack.open)");
        }
        int kind = b.get(2) - 1;
        try {
            return new Policy(Policy.Kind.values()[kind], b.getLong(8));
        } catch (RuntimeException e) {
            throw new FileStoreException(FileStoreException.Reason.CORRUPT, stack.name()
                    + " records an unknown allocation policy (" + kind + ", " + b.getLong(8) + ")");
        }
    }

    /** Rebuilds the free list from the block headers, checking that they tile the committed length. */
    private void walkOnOpen() throws FileStoreException {
        long at = 0;
        while (at < length) {
            if (length - at < HEADER) {
                throw walkError(at, "a block header is cut off by the end of the stack");
            }
            long word0 = payload.get(LONG, at);
            long word1 = payload.get(LONG, at + 8);
            long extent = word0 & ~15L;
            if ((word0 & 14) != 0 || word1 != (tag(at) ^ word0) || extent > length - at - HEADER) {
                throw walkError(at, "no valid block header");
            }
            if (policy.kind() == Policy.Kind.SLAB && extent != slotExtent && (word0 & LIVE) != 0) {
                throw walkError(at, "a live block of " + extent + " bytes in a slab of " + slotExtent + "-byte slots");
            }
            if ((word0 & LIVE) == 0) {
                free.put(at, extent);
            }
            ensureMarks(at);
            setMark((at >>> 4) + 1, (word0 & LIVE) != 0 ? MARK_LIVE : MARK_START);
            at += HEADER + extent;
        }
    }

    private FileStoreException walkError(long at, String why) {
        return new FileStoreException(FileStoreException.Reason.CORRUPT, stack.name() + " is damaged: at stack offset "
                + at + " " + why + ". Restore it from a backup");
    }

    // --- Store ------------------------------------------------------------------------------

    @Override
    public long dangling(long byteAlignment) {
        return Checks.dangling(byteAlignment);
    }

    /** Allocates zeroed bytes, durably (the zeros themselves are durable at the next {@link #sync()}). */
    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocate(long byteSize, long byteAlignment) {
        requireOpen("allocate");
        requireAllocationArguments(byteSize, byteAlignment);
        if (byteSize == 0) return Checks.dangling(byteAlignment);
        long handle;
        DurableStack.Txn txn = new DurableStack.Txn();
        long before = length;
        try {
            handle = placeBlock(byteSize, byteAlignment, txn, "allocate");
            commit(txn, "allocate");
        } catch (RuntimeException e) {
            rollback(before);
            throw e;
        }
        payload.asSlice(handle, byteSize).fill((byte) 0);
        return handle;
    }

    /** As {@link #allocate(long, long)}, which zeroes already. */
    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocateZeroed(long byteSize, long byteAlignment) {
        return allocate(byteSize, byteAlignment);
    }

    /**
     * Allocates room for {@code contents} and writes them, in one durable step: when this returns,
     * both the allocation and its contents survive a crash (no {@link #sync()} needed). Contents of
     * up to about 60 KiB are journaled with the step; larger ones are written and forced first (two
     * forces).
     */
    @Override
    @Issues
    @Invalidates(effect = Effect.ALLOCATE)
    public long allocateDurable(MemorySegment contents, long byteAlignment) {
        requireOpen("allocateDurable");
        long byteSize = contents.byteSize();
        requireAllocationArguments(byteSize, byteAlignment);
        if (byteSize == 0) return Checks.dangling(byteAlignment);
        DurableStack.Txn txn = new DurableStack.Txn();
        long before = length;
        long handle;
        try {
            handle = placeBlock(byteSize, byteAlignment, txn, "allocateDurable");
            if (byteSize <= DurableStack.MAX_RECORD_BODY - 1024) {
                txn.data(DATA + handle, contents);
            } else {
                txn.preWrite(DATA + handle, contents.asByteBuffer());
            }
            commit(txn, "allocateDurable");
        } catch (RuntimeException e) {
            rollback(before);
            throw e;
        }
        return handle;
    }

    @Override
    @Invalidates(effect = Effect.FREE, handle = "#1")
    public void deallocate(long handle, long byteSize, long byteAlignment) {
        requireOpen("deallocate");
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        if (byteSize == 0) return;
        DurableStack.Txn txn = new DurableStack.Txn();
        long before = length;
        try {
            freeBlock(handle, byteSize, txn, null, "deallocate");
            commit(txn, "deallocate");
        } catch (RuntimeException e) {
            rollback(before);
            throw e;
        }
    }

    @Override
    @Resolves(handle = "#1", size = "#2")
    public MemorySegment resolve(long handle, long byteSize) {
        // The heap marks check it all (see marks), and never read the file: the handle's granule
        // must be the first of a live block, and the granules byteSize covers after it must start
        // no block (the next block, or the end-of-heap sentinel, bounds the extent). Up to 16 bytes
        // need only the handle's own mark (a live block holds at least 16 bytes, so the granule after
        // its first starts no block): one array load. Longer requests read a window of the 32
        // granules from the handle's, over two adjacent words (the array has a spare word at the
        // end); more than 31 granules (496 bytes) take the slow path. A closed or failed store has
        // no marks.
        // The form is what C2 compiles best (measured, docs/benchmarks.md "Resolve + read"): one
        // mask test refuses a misaligned, negative or too large (>= 2^40, beyond any heap) handle,
        // so the word index is exact as an int, and the unsigned compare against the array length
        // is the array's own range check, which C2 then drops. A signed compare there, or the
        // alignment and bound tested apart, cost 1.3-2.5x a raw mapped read+write instead of 1.1x.
        long[] m = marks;
        int word = (int) (handle >>> 9);
        if ((handle & NOT_GRANULE) == 0 && Integer.compareUnsigned(word, m.length) < 0) {
            if (byteSize >= 0 && byteSize <= HEADER) {
                // A long shift uses the count's low 6 bits: (handle >>> 3) & 63 is the granule's
                // index in the word times 2 (bit 3 of an aligned handle is 0).
                if (((m[word] >>> ((int) handle >>> 3)) & 3) == MARK_LIVE) {
                    return payload.asSlice(handle, byteSize);
                }
            } else if (byteSize > 0 && byteSize <= 31 * HEADER && word + 1 < m.length) {
                int shift = ((int) handle >>> 3) & 62;
                long span = (byteSize + 15) >>> 4;
                long window = (m[word] >>> shift) | (m[word + 1] << 1 << (63 - shift));
                if ((window & ((4L << (span << 1)) - 1)) == MARK_LIVE) {
                    return payload.asSlice(handle, byteSize);
                }
            }
        }
        return resolveUnusual(handle, byteSize);
    }

    private MemorySegment resolveUnusual(long handle, long byteSize) {
        requireOpen("resolve");
        Checks.requireResolveSize(byteSize);
        if (Checks.isDangling(handle)) {
            return Checks.resolveDangling(handle, byteSize, this);
        }
        long extent = requireLive(handle, "resolve");
        if (byteSize <= extent) {
            return payload.asSlice(handle, byteSize); // a long request: checked against the header
        }
        throw new IllegalArgumentException("resolve: byteSize " + byteSize + " exceeds the " + extent
                + " bytes of handle " + Checks.hex(handle) + " in " + this);
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1", size = "#3")
    public long grow(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireOpen("grow");
        Checks.requireGrow(oldByteSize, newByteSize, byteAlignment);
        if (oldByteSize == 0) {
            if (!Checks.isDangling(handle)) requireLive(handle, "grow");
            return allocate(newByteSize, byteAlignment);
        }
        long extent = requireLive(handle, "grow");
        requireFits(handle, oldByteSize, extent, "grow");
        requireAllocationArguments(newByteSize, byteAlignment);
        long block = handle - HEADER;
        long newExtent = roundUp16(newByteSize);
        if (newExtent <= extent) { // the slack holds it: no metadata changes
            payload.asSlice(handle + oldByteSize, newByteSize - oldByteSize).fill((byte) 0);
            return handle;
        }
        DurableStack.Txn txn = new DurableStack.Txn();
        long before = length;
        long result;
        try {
            if (policy.kind() == Policy.Kind.SLAB) {
                throw new StoreExhaustedException("grow: " + newByteSize + " bytes do not fit a " + policy.slotBytes()
                        + "-byte slot of " + this);
            }
            Long nextFree = free.get(block + HEADER + extent);
            if (block + HEADER + extent == length) { // the last block: extend it in place
                long newLength = checkedEnd(block, newExtent, "grow");
                writeHeader(txn, block, newExtent | LIVE);
                length = newLength;
                txn.newLength(newLength);
                result = handle;
            } else if (policy.kind() == Policy.Kind.FIRST_FIT && nextFree != null
                    && extent + HEADER + nextFree >= newExtent) { // absorb the free block behind it
                long next = block + HEADER + extent;
                long combined = extent + HEADER + nextFree;
                removeFree(next);
                clearHeader(txn, next);
                long rest = combined - newExtent;
                if (rest >= HEADER) {
                    long tail = block + HEADER + newExtent;
                    putFree(tail, rest - HEADER);
                    writeHeader(txn, tail, rest - HEADER);
                } else {
                    newExtent = combined;
                }
                writeHeader(txn, block, newExtent | LIVE);
                result = handle;
            } else { // move: place a new block, copy (forced before the step), free the old one
                result = placeBlock(newByteSize, byteAlignment, txn, "grow");
                byte[] old = payload.asSlice(handle, oldByteSize).toArray(ValueLayout.JAVA_BYTE);
                txn.preWrite(DATA + result, ByteBuffer.wrap(old));
                freeBlock(handle, oldByteSize, txn, null, "grow");
            }
            commit(txn, "grow");
        } catch (RuntimeException e) {
            rollback(before);
            throw e;
        }
        payload.asSlice(result + oldByteSize, newByteSize - oldByteSize).fill((byte) 0);
        return result;
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1", size = "#3")
    public long growZeroed(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        return grow(handle, oldByteSize, newByteSize, byteAlignment); // grow zeroes the new bytes already
    }

    @Override
    @Issues
    @Invalidates(effect = Effect.FREE, handle = "#1", size = "#3")
    public long shrink(long handle, long oldByteSize, long newByteSize, long byteAlignment) {
        requireOpen("shrink");
        Checks.requireShrink(oldByteSize, newByteSize, byteAlignment);
        if (oldByteSize == 0) {
            if (!Checks.isDangling(handle)) requireLive(handle, "shrink");
            return handle;
        }
        if (newByteSize == 0) {
            deallocate(handle, oldByteSize, byteAlignment);
            return Checks.dangling(byteAlignment);
        }
        long extent = requireLive(handle, "shrink");
        requireFits(handle, oldByteSize, extent, "shrink");
        long block = handle - HEADER;
        long newExtent = roundUp16(newByteSize);
        if (newExtent == extent || policy.kind() == Policy.Kind.SLAB) return handle;
        boolean last = block + HEADER + extent == length;
        if (!last && (policy.kind() != Policy.Kind.FIRST_FIT || extent - newExtent < HEADER)) return handle; // keep the slack
        DurableStack.Txn txn = new DurableStack.Txn();
        long before = length;
        try {
            writeHeader(txn, block, newExtent | LIVE);
            if (last) {
                length = block + HEADER + newExtent;
                txn.newLength(length);
            } else { // split the tail off as a free block, merged with a free block behind it
                long tail = block + HEADER + newExtent;
                long tailExtent = extent - newExtent - HEADER;
                long next = block + HEADER + extent;
                Long nextFree = free.get(next);
                if (nextFree != null) {
                    removeFree(next);
                    clearHeader(txn, next);
                    tailExtent += HEADER + nextFree;
                }
                putFree(tail, tailExtent);
                writeHeader(txn, tail, tailExtent);
            }
            commit(txn, "shrink");
        } catch (RuntimeException e) {
            rollback(before);
            throw e;
        }
        return handle;
    }

    /**
     * Allocates one block per size in one durable step (one force for all of them): all or none
     * survive a crash. Each block is zeroed (durable at the next {@link #sync()}). About 2,000 blocks
     * fit one step; more throw {@link IllegalArgumentException} and change nothing.
     *
     * <p>The checker does not follow handles in arrays: it sees an allocation.
     */
    @Override
    @Invalidates(effect = Effect.ALLOCATE)
    public long[] allocateBulk(long[] byteSizes, long byteAlignment) {
        requireOpen("allocateBulk");
        Checks.requireAlignment(byteAlignment);
        long[] handles = new long[byteSizes.length];
        DurableStack.Txn txn = new DurableStack.Txn();
        long before = length;
        try {
            for (int i = 0; i < byteSizes.length; i++) {
                requireAllocationArguments(byteSizes[i], byteAlignment);
                handles[i] = byteSizes[i] == 0 ? Checks.dangling(byteAlignment)
                        : placeBlock(byteSizes[i], byteAlignment, txn, "allocateBulk");
            }
            commit(txn, "allocateBulk");
        } catch (RuntimeException e) {
            rollback(before);
            throw e;
        }
        for (int i = 0; i < handles.length; i++) {
            if (byteSizes[i] > 0) payload.asSlice(handles[i], byteSizes[i]).fill((byte) 0);
        }
        return handles;
    }

    /**
     * Frees every handle in one durable step: all or none are free after a crash. A handle that is
     * not live, or that appears twice, throws {@link StaleHandleException} and frees nothing.
     *
     * <p>The handles are stale afterwards; the checker does not follow handles in arrays, so it
     * treats this call as an allocation (every pointer of this store stale).
     */
    @Override
    @Invalidates(effect = Effect.ALLOCATE)
    public void deallocateBulk(long[] handles, long[] byteSizes, long byteAlignment) {
        requireOpen("deallocateBulk");
        Checks.requireAlignment(byteAlignment);
        if (handles.length != byteSizes.length) {
            throw new IllegalArgumentException("deallocateBulk: " + handles.length + " handles but " + byteSizes.length
                    + " sizes");
        }
        DurableStack.Txn txn = new DurableStack.Txn();
        long before = length;
        Set<Long> freedNow = new HashSet<>();
        try {
            for (int i = 0; i < handles.length; i++) {
                Checks.requireSizeAndAlignment(byteSizes[i], byteAlignment);
                if (byteSizes[i] == 0) continue;
                freeBlock(handles[i], byteSizes[i], txn, freedNow, "deallocateBulk");
            }
            commit(txn, "deallocateBulk");
        } catch (RuntimeException e) {
            rollback(before);
            throw e;
        }
    }

    /** Drops the mapping and releases the file, after a {@link #sync()}. Every pointer dies; handles stay valid in the file. */
    @Override
    @Invalidates(effect = Effect.CLOSE)
    public void close() {
        if (stack.isClosed()) return;
        RuntimeException failure = null;
        try {
            if (payload != null && !stack.hasFailed()) stack.syncMapped(); // a failed store was reported already
        } catch (IOException | RuntimeException e) {
            failure = new UncheckedIOException(new IOException("close: the final sync of " + stack.name() + " failed: "
                    + e.getMessage() + "; bytes written since the last sync may be lost", e));
        }
        payload = null;
        marks = NO_MARKS;
        free.clear();
        try {
            stack.close();
        } catch (IOException e) {
            if (failure == null) failure = new UncheckedIOException(e);
        }
        if (failure != null) throw failure;
    }

    // --- durability and roots ---------------------------------------------------------------

    /**
     * Makes every byte written through this store's pointers durable ({@code msync}). Invalidates
     * nothing. After an I/O error the store refuses further calls: close it and reopen the file.
     */
    @Override
    public void sync() {
        requireOpen("sync");
        try {
            stack.syncMapped();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of root slot {@code slot} (0 in a new file). */
    @Override
    public long root(int slot) {
        requireOpen("root");
        return stack.mapping().get(ValueLayout.JAVA_LONG_UNALIGNED, ROOT_OFFSET + 8L * checkSlot(slot));
    }

    /** Sets root slot {@code slot}, durably and atomically. Invalidates nothing. */
    @Override
    public void setRoot(int slot, long value) {
        requireOpen("setRoot");
        DurableStack.Txn txn = new DurableStack.Txn();
        txn.meta(ROOT_OFFSET + 8L * checkSlot(slot), value);
        commit(txn, "setRoot");
    }

    /** Sets root slots {@code 0..values.length-1} in one durable, atomic step. Invalidates nothing. */
    @Override
    public void setRoots(long... values) {
        requireOpen("setRoots");
        if (values.length > ROOT_SLOTS) {
            throw new IllegalArgumentException("setRoots: " + values.length + " values, there are " + ROOT_SLOTS + " slots");
        }
        DurableStack.Txn txn = new DurableStack.Txn();
        for (int i = 0; i < values.length; i++) {
            txn.meta(ROOT_OFFSET + 8L * i, values[i]);
        }
        commit(txn, "setRoots");
    }

    /** The allocation policy recorded in the file. */
    public Policy policy() {
        return policy;
    }

    /** How many times the file grew and was remapped, killing every pointer (for tests and tuning). */
    public long remaps() {
        requireOpen("remaps");
        return stack.remaps();
    }

    /** The committed length of the heap in bytes (headers, allocations and free blocks). */
    public long heapBytes() {
        requireOpen("heapBytes");
        return length;
    }

    @Override
    public String toString() {
        return "FileStore[" + stack.name() + (stack.isClosed() ? ", closed" : ", " + policy.kind() + ", " + length
                + " heap bytes, " + free.size() + " free blocks") + "]";
    }

    // --- placement --------------------------------------------------------------------------

    /** Plans a new live block (header writes into {@code txn}, free-list edits logged for undo); returns its handle. */
    private long placeBlock(long byteSize, long byteAlignment, DurableStack.Txn txn, String operation) {
        long extent;
        if (policy.kind() == Policy.Kind.SLAB) {
            if (byteSize > policy.slotBytes()) {
                throw new StoreExhaustedException(operation + ": " + byteSize + " bytes do not fit a "
                        + policy.slotBytes() + "-byte slot of " + this);
            }
            if (byteAlignment > HEADER) {
                throw new IllegalArgumentException(operation + ": a slab FileStore aligns slots to " + HEADER
                        + " bytes, not " + byteAlignment);
            }
            extent = slotExtent;
            Map.Entry<Long, Long> slot = free.firstEntry();
            if (slot != null) {
                removeFree(slot.getKey());
                writeHeader(txn, slot.getKey(), extent | LIVE);
                return slot.getKey() + HEADER;
            }
        } else {
            extent = roundUp16(byteSize);
            if (policy.kind() == Policy.Kind.FIRST_FIT) {
                for (Map.Entry<Long, Long> hole : free.entrySet()) {
                    long start = hole.getKey();
                    long end = start + HEADER + hole.getValue();
                    long block = Checks.alignUp(start + HEADER, byteAlignment) - HEADER;
                    if (extent <= end - block - HEADER) {
                        removeFree(start);
                        if (block > start) { // the alignment gap stays free (it is a multiple of 16, at least 16)
                            putFree(start, block - start - HEADER);
                            writeHeader(txn, start, block - start - HEADER);
                        }
                        long rest = end - (block + HEADER + extent);
                        if (rest >= HEADER) {
                            long tail = block + HEADER + extent;
                            putFree(tail, rest - HEADER);
                            writeHeader(txn, tail, rest - HEADER);
                        } else {
                            extent += rest;
                        }
                        writeHeader(txn, block, extent | LIVE);
                        return block + HEADER;
                    }
                }
            }
        }
        // append at the end of the heap
        long start = length;
        long block = Checks.alignUp(start + HEADER, byteAlignment) - HEADER;
        long newLength = checkedEnd(block, extent, operation);
        if (block > start) {
            putFree(start, block - start - HEADER);
            writeHeader(txn, start, block - start - HEADER);
        }
        writeHeader(txn, block, extent | LIVE);
        length = newLength;
        txn.newLength(newLength);
        return block + HEADER;
    }

    /** Plans freeing the block of {@code handle}: clear its header, coalesce (first fit), pop what ends the heap. */
    private void freeBlock(long handle, long byteSize, DurableStack.Txn txn, Set<Long> freedNow, String operation) {
        long extent = requireLive(handle, operation);
        requireFits(handle, byteSize, extent, operation);
        long block = handle - HEADER;
        if (freedNow != null && !freedNow.add(block)) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " appears twice");
        }
        clearHeader(txn, block); // a freed handle's mark and header are cleared when the step commits
        long start = block;
        long end = block + HEADER + extent;
        if (policy.kind() == Policy.Kind.FIRST_FIT) {
            Map.Entry<Long, Long> before = free.floorEntry(block - 1);
            if (before != null && before.getKey() + HEADER + before.getValue() == block) {
                start = before.getKey();
                removeFree(start);
            }
            Long after = free.get(end);
            if (after != null) {
                removeFree(end);
                clearHeader(txn, end);
                end += HEADER + after;
            }
        }
        if (end == length) { // the top of the heap: pop it, and whatever lies free under it
            long newLength = start;
            Map.Entry<Long, Long> below;
            while ((below = free.lastEntry()) != null && below.getKey() + HEADER + below.getValue() == newLength) {
                removeFree(below.getKey());
                newLength = below.getKey();
            }
            length = newLength;
            txn.newLength(newLength);
        } else {
            putFree(start, end - start - HEADER);
            writeHeader(txn, start, end - start - HEADER);
        }
    }

    /** Commits the planned step; on failure the caller rolls the plan back (the undo log is kept for it). */
    private void commit(DurableStack.Txn txn, String operation) {
        try {
            stack.commit(txn);
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " on " + this + ": " + e.getMessage(), e);
        } finally {
            if (stack.hasFailed()) {
                payload = null; // resolve takes the slow path, which refuses: the file must be reopened
                marks = NO_MARKS;
            } else {
                refreshMapping();
            }
        }
        undo.clear();
        applyMarks();
    }

    private void rollback(long lengthBefore) {
        for (int i = undo.size() - 1; i >= 0; i--) {
            long[] entry = undo.get(i);
            if (entry[1] < 0) free.remove(entry[0]);
            else free.put(entry[0], entry[1]);
        }
        undo.clear();
        markEditCount = 0;
        length = lengthBefore;
    }

    private void recordMark(long block, int mark) {
        if (markEditCount == markEdits.length) markEdits = java.util.Arrays.copyOf(markEdits, markEditCount * 2);
        markEdits[markEditCount++] = block;
        markEdits[markEditCount++] = mark;
    }

    /** After a commit: the planned header changes, then the blocks past a shrunk heap, then the sentinel. */
    private void applyMarks() {
        if (stack.hasFailed()) { // the marks are gone with the mapping: the file must be reopened
            markEditCount = 0;
            return;
        }
        long before = markedLength;
        ensureMarks(Math.max(before, length));
        setMark((before >>> 4) + 1, 0);
        long highest = before;
        for (int i = 0; i < markEditCount; i += 2) {
            setMark((markEdits[i] >>> 4) + 1, (int) markEdits[i + 1]);
            highest = Math.max(highest, markEdits[i]);
        }
        markEditCount = 0;
        if (highest > length) { // popped blocks (their headers are left behind the end, unmarked)
            clearMarks((length >>> 4) + 1, (highest >>> 4) + 1);
        }
        setMark((length >>> 4) + 1, MARK_START);
        markedLength = length;
    }

    /** Makes room in the marks for the granules of a heap of {@code heapLength} bytes and its sentinel. */
    private void ensureMarks(long heapLength) {
        long words = (((heapLength >>> 4) + 1) >>> 5) + 2; // + the spare word resolve's window reads
        if (words > marks.length) {
            marks = java.util.Arrays.copyOf(marks, (int) Math.min(Integer.MAX_VALUE - 8, // MAX_HEAP fits
                    Math.max(words, marks.length + (marks.length >>> 1))));
        }
    }

    private void setMark(long granule, int mark) {
        int word = (int) (granule >>> 5);
        int shift = ((int) granule & 31) << 1;
        marks[word] = (marks[word] & ~(3L << shift)) | ((long) mark << shift);
    }

    private int markOf(long granule) {
        return (int) (marks[(int) (granule >>> 5)] >>> (((int) granule & 31) << 1)) & 3;
    }

    /** Clears the marks of granules {@code from..to}, inclusive. */
    private void clearMarks(long from, long to) {
        while (from <= to && (from & 31) != 0) setMark(from++, 0);
        while (to >= from && (to & 31) != 31) setMark(to--, 0);
        if (from < to) java.util.Arrays.fill(marks, (int) (from >>> 5), (int) (to >>> 5) + 1, 0L);
    }

    private void putFree(long block, long extent) {
        Long old = free.put(block, extent);
        undo.add(new long[] {block, old == null ? -1 : old});
    }

    private void removeFree(long block) {
        Long old = free.remove(block);
        undo.add(new long[] {block, old == null ? -1 : old});
    }

    private void refreshMapping() {
        if (payload == null || mappedEpoch != stack.remaps()) {
            MemorySegment mapping = stack.mapping();
            payload = mapping.asSlice(DATA, mapping.byteSize() - DATA);
            mappedEpoch = stack.remaps();
        }
    }

    // --- checks -----------------------------------------------------------------------------

    /**
     * The tag of the block at {@code block}: the file's salt with bit 62 set, XOR the offset. A
     * header's second word is {@code tag ^ firstWord}, so a handle of another file, an offset that
     * is no block, a zeroed (merged) header and a free block all fail one load and compare.
     */
    private long tag(long block) {
        return tagKey ^ block;
    }

    private void writeHeader(DurableStack.Txn txn, long block, long word0) {
        txn.meta(DATA + block, word0, tag(block) ^ word0);
        recordMark(block, (word0 & LIVE) != 0 ? MARK_LIVE : MARK_START);
    }

    /** Zeroes the header of a block that merges into another or is freed. */
    private void clearHeader(DurableStack.Txn txn, long block) {
        txn.meta(DATA + block, 0, 0);
        recordMark(block, 0);
    }

    /** The extent of the live block {@code handle} names, or a {@link StaleHandleException} saying why not. */
    private long requireLive(long handle, String operation) {
        if (Checks.isDangling(handle)) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " is a dangling handle of "
                    + this + " and names no memory");
        }
        if ((handle & 15) != 0 || handle < HEADER || handle > length) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " is not an allocation of "
                    + this + " (" + ((handle & 15) != 0 ? "misaligned" : "outside the heap") + ")");
        }
        long word0 = payload.get(LONG, handle - HEADER);
        // The marks are the truth (a popped block's header stays behind in the file, and a later
        // block can grow over it); the header then gives the extent.
        if (markOf(handle >>> 4) != MARK_LIVE
                || payload.get(LONG, handle - 8) != (tag(handle - HEADER) ^ word0) || (word0 & LIVE) == 0) {
            throw new StaleHandleException(operation + ": handle " + Checks.hex(handle) + " is not a live allocation of "
                    + this + " (freed, from another file, or not a handle)");
        }
        return word0 & ~15L;
    }

    private void requireFits(long handle, long byteSize, long extent, String operation) {
        if (byteSize > extent) {
            throw new IllegalArgumentException(operation + ": handle " + Checks.hex(handle) + " holds " + extent
                    + " bytes, not " + byteSize);
        }
    }

    private static void requireAllocationArguments(long byteSize, long byteAlignment) {
        Checks.requireSizeAndAlignment(byteSize, byteAlignment);
        if (byteAlignment > MAX_ALIGNMENT) {
            throw new IllegalArgumentException("FileStore aligns to at most " + MAX_ALIGNMENT + " bytes, not "
                    + byteAlignment);
        }
        if (byteSize > MAX_ALLOCATION) {
            throw new StoreExhaustedException(byteSize + " bytes exceed a FileStore's largest allocation ("
                    + MAX_ALLOCATION + ")");
        }
    }

    private long checkedEnd(long block, long extent, String operation) {
        if (block > MAX_HEAP - HEADER - extent) {
            throw new StoreExhaustedException(operation + ": the heap would exceed " + MAX_HEAP
                    + " bytes in " + this);
        }
        return block + HEADER + extent;
    }

    private static long checkSlot(int slot) {
        if (slot < 0 || slot >= ROOT_SLOTS) {
            throw new IndexOutOfBoundsException("root slot " + slot + ", there are " + ROOT_SLOTS);
        }
        return slot;
    }

    private void requireOpen(String operation) {
        if (stack.isClosed()) {
            throw Checks.closed(this);
        }
        stack.requireUsable(operation);
    }

    private static long roundUp16(long value) {
        return (value + 15) & ~15L;
    }

    /** For tests: the blocks in heap order as {offset, extent, live?1:0}, checking the in-memory free list agrees. */
    List<long[]> checkedBlocks() {
        List<long[]> blocks = new ArrayList<>();
        TreeMap<Long, Long> seenFree = new TreeMap<>();
        long at = 0;
        boolean previousFree = false;
        while (at < length) {
            long word0 = payload.get(LONG, at);
            long extent = word0 & ~15L;
            if (payload.get(LONG, at + 8) != (tag(at) ^ word0) || extent > length - at - HEADER) {
                throw new IllegalStateException("no valid block header at " + at + " in " + this);
            }
            boolean live = (word0 & LIVE) != 0;
            if (!live) {
                seenFree.put(at, extent);
                if (previousFree && policy.kind() == Policy.Kind.FIRST_FIT) {
                    throw new IllegalStateException("two adjacent free blocks at " + at + " in " + this);
                }
            }
            previousFree = !live;
            blocks.add(new long[] {at, extent, live ? 1 : 0});
            at += HEADER + extent;
        }
        if (at != length) throw new IllegalStateException("blocks end at " + at + ", the heap at " + length);
        if (!seenFree.equals(free)) {
            throw new IllegalStateException("the free list " + free + " disagrees with the headers " + seenFree);
        }
        if (previousFree) throw new IllegalStateException("a free block ends the heap of " + this);
        long[] expected = new long[marks.length];
        for (long[] block : blocks) {
            long granule = (block[0] >>> 4) + 1;
            expected[(int) (granule >>> 5)] |= (long) (block[2] == 1 ? MARK_LIVE : MARK_START) << (((int) granule & 31) << 1);
        }
        long sentinel = (length >>> 4) + 1;
        expected[(int) (sentinel >>> 5)] |= (long) MARK_START << (((int) sentinel & 31) << 1);
        if (!java.util.Arrays.equals(expected, marks)) {
            throw new IllegalStateException("the resolve marks disagree with the headers of " + this);
        }
        return blocks;
    }
}
