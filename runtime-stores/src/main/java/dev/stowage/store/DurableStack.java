package dev.stowage.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A persistent binary stack in one file: bytes are pushed onto and popped off its tail, and every
 * mutating call is durable ({@code fdatasync}) before it returns. After a crash (a killed process,
 * a power cut) the next {@link #open} finds the stack as it was after the last call that returned, or
 * after the call that was running, never a mix.
 *
 * <p>The stack is the durable layer under {@link FileStore}; it can also be used on its own:
 *
 * <pre>{@code
 * try (DurableStack stack = DurableStack.open(Path.of("log.stack"))) {
 *     long at = stack.push("hello".getBytes(UTF_8));   // durable when push returns
 *     stack.set(at, "j".getBytes(UTF_8));               // in place, atomic and durable
 *     byte[] last = stack.pop(5);                       // "jello"
 * }
 * }</pre>
 *
 * <h2>File format (version 1.0, little-endian)</h2>
 * <pre>
 *   0     magic "STOWDS", major (1 byte), minor (1 byte)
 *   8     u32 superblock size (4096), u32 journal area size (65536)
 *   16    u64 salt (random per file)            24  u32 application header length
 *   64    application header (up to 128 bytes, written once at creation)
 *   252   u32 CRC-32C of bytes 0..251
 *   256   two sync markers (64 bytes each): u64 retired sequence, u64 counter, u32 CRC-32C
 *   1024  application area (up to 4096), written only through commit records
 *   4096  journal area 0 (64 KiB)          69632  journal area 1 (64 KiB)
 *   135168  payload: the stack's bytes, offset 0 of the stack is here
 * </pre>
 * A <em>commit record</em> (in journal area {@code seq % 2}) holds a sequence number, the committed
 * length of the stack (the sentinel) and the in-place writes of one step, with a CRC-32C over it
 * all. A step writes its record, forces the file once, then applies the writes in place. On open
 * the newest valid record is replayed (its writes are idempotent), so a torn in-place write, a torn
 * record and a length that disagrees with the file size are all repaired; an older record is never
 * replayed. Opening takes an exclusive {@link FileLock} on the file for as long as the stack is
 * open. A file without the magic ({@link FileStoreException.Reason#FOREIGN}), with a newer major
 * version ({@link FileStoreException.Reason#NEWER_VERSION}), a bad checksum or no valid record
 * ({@link FileStoreException.Reason#CORRUPT}), or locked by someone else
 * ({@link FileStoreException.Reason#LOCKED}) is refused and left untouched.
 *
 * <p>Not thread-safe. After an I/O error at or after the point where a step writes its record (a
 * failed write or force), the outcome of the step is unknown until the file is reopened, so the
 * stack refuses every further call with {@link IllegalStateException}: close it and open the file
 * again, which finds the state before or after that step.
 */
public final class DurableStack implements AutoCloseable {

    /** The major version of the file format this class writes; a newer major version is refused. */
    public static final int MAJOR_VERSION = 1;
    /** The minor version this class writes; newer minor versions are read (they only add). */
    public static final int MINOR_VERSION = 0;

    static final int SUPERBLOCK_BYTES = 4096;
    static final int JOURNAL_AREA_BYTES = 64 * 1024;
    static final long DATA_START = SUPERBLOCK_BYTES + 2L * JOURNAL_AREA_BYTES;
    static final int APP_HEADER_OFFSET = 64;
    static final int APP_HEADER_MAX = 128;
    static final int SUPERBLOCK_CRC_OFFSET = 252;
    static final int MARKER_OFFSET = 256;
    static final int MARKER_BYTES = 64;
    static final int APP_AREA_OFFSET = 1024;
    static final int RECORD_HEADER_BYTES = 32;
    /** The largest body a commit record holds: the in-place writes of one step. */
    static final int MAX_RECORD_BODY = JOURNAL_AREA_BYTES - RECORD_HEADER_BYTES;
    /** The stack is at most 2^40 bytes (1 TiB): offsets never overflow and leave the high bits free. */
    public static final long MAX_LENGTH = 1L << 40;

    private static final byte[] MAGIC = "STOWDS".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD_MAGIC = 0x4c4e524a; // "JRNL"
    private static final long GROWTH_QUANTUM = 64 * 1024;
    static final int OP_META = 1;
    static final int OP_DATA = 2;

    private final FileIo io;
    private final String name;
    private final long salt;
    private final byte[] appHeader;
    private Arena mapArena;
    private MemorySegment mapping;
    private long length;
    private long lastSeq;
    /** True while the newest record has data writes that a sync has not retired yet. */
    private boolean lastHasData;
    private long markerCounter;
    private long remaps;
    private Throwable failure;
    private boolean closed;

    private DurableStack(FileIo io, String name, long salt, byte[] appHeader) {
        this.io = io;
        this.name = name;
        this.salt = salt;
        this.appHeader = appHeader;
    }

    // --- opening ----------------------------------------------------------------------------

    /** Opens the stack in {@code path}, creating an empty one if the file does not exist (or is empty). */
    public static DurableStack open(Path path) throws IOException {
        return open(path, new byte[0]);
    }

    /**
     * As {@link #open(Path)}; a file created now records {@code appHeader} (at most 128 bytes, read
     * back with {@link #applicationHeader()}).
     */
    static DurableStack open(Path path, byte[] appHeader) throws IOException {
        Path absolute = path.toAbsolutePath();
        if (!Files.exists(absolute)) {
            createAtomically(absolute, appHeader);
        }
        FileChannel channel = FileChannel.open(absolute, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new FileStoreException(FileStoreException.Reason.LOCKED,
                        absolute + " is already open in this JVM (its exclusive lock is held)");
            }
            if (lock == null) {
                throw new FileStoreException(FileStoreException.Reason.LOCKED, absolute
                        + " is locked by another process: close it there first (one process at a time)");
            }
            return open(FileIo.of(channel), absolute.toString(), appHeader);
        } catch (IOException | RuntimeException | Error e) {
            channel.close(); // also releases the lock
            throw e;
        }
    }

    /** Opens a stack over {@code io} (which the stack owns from now on); tests pass faulty files here. */
    static DurableStack open(FileIo io, String name, byte[] appHeader) throws IOException {
        if (appHeader.length > APP_HEADER_MAX) {
            throw new IllegalArgumentException("application header of " + appHeader.length + " bytes, at most "
                    + APP_HEADER_MAX);
        }
        long size = io.size();
        if (size == 0 || (size <= DATA_START && interruptedCreation(io, size))) {
            // in place (an empty file someone made for us): everything but the magic, then the magic,
            // so a crash in between leaves a file that the check above recognises and starts again
            ByteBuffer image = initialImage(appHeader, new SecureRandom().nextLong());
            image.put(0, new byte[8]);
            io.writeFully(image, 0);
            io.force();
            ByteBuffer realMagic = ByteBuffer.allocate(8).put(0, MAGIC).put(6, (byte) MAJOR_VERSION).put(7, (byte) MINOR_VERSION);
            io.writeFully(realMagic, 0);
            io.force();
            size = io.size();
        }
        ByteBuffer superblock = ByteBuffer.allocate((int) Math.min(size, SUPERBLOCK_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        io.readFully(superblock, 0);
        if (size < MAGIC.length + 2 || !Arrays.equals(superblock.array(), 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new FileStoreException(FileStoreException.Reason.FOREIGN, name
                    + " is not a Stowage durable stack (no 'STOWDS' magic at offset 0); it was not changed");
        }
        int major = superblock.get(6) & 0xff;
        int minor = superblock.get(7) & 0xff;
        if (major > MAJOR_VERSION) {
            throw new FileStoreException(FileStoreException.Reason.NEWER_VERSION, name + " has file format version "
                    + major + "." + minor + ", newer than this version (" + MAJOR_VERSION + "." + MINOR_VERSION
                    + ") can read; use a newer Stowage. The file was not changed");
        }
        if (major < MAJOR_VERSION || size < DATA_START) {
            throw corrupt(name, major < MAJOR_VERSION ? "unknown old format version " + major + "." + minor
                    : "the file has " + size + " bytes, shorter than its " + DATA_START + "-byte header");
        }
        if (crc(superblock.array(), 0, SUPERBLOCK_CRC_OFFSET) != superblock.getInt(SUPERBLOCK_CRC_OFFSET)) {
            throw corrupt(name, "the header checksum does not match (the header was damaged)");
        }
        if (superblock.getInt(8) != SUPERBLOCK_BYTES || superblock.getInt(12) != JOURNAL_AREA_BYTES) {
            throw corrupt(name, "unexpected header geometry " + superblock.getInt(8) + "/" + superblock.getInt(12));
        }
        int appLength = superblock.getInt(24);
        if (appLength < 0 || appLength > APP_HEADER_MAX) {
            throw corrupt(name, "application header length " + appLength);
        }
        byte[] storedAppHeader = Arrays.copyOfRange(superblock.array(), APP_HEADER_OFFSET, APP_HEADER_OFFSET + appLength);
        Record[] records = {readRecord(io, 0), readRecord(io, 1)};
        Record newest = null;
        for (Record r : records) {
            if (r != null && (newest == null || r.seq > newest.seq)) newest = r;
        }
        if (newest == null) {
            throw corrupt(name, "neither journal area holds a valid commit record");
        }
        long retired = 0;
        long counter = 0;
        for (int slot = 0; slot < 2; slot++) {
            int at = MARKER_OFFSET + slot * MARKER_BYTES;
            ByteBuffer marker = superblock.slice(at, MARKER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            if (marker.getLong(8) != 0 && crc(superblock.array(), at, 16) == marker.getInt(16)) {
                if (marker.getLong(8) > counter) {
                    counter = marker.getLong(8);
                    retired = marker.getLong(0);
                }
            }
        }
        DurableStack stack = new DurableStack(io, name, superblock.getLong(16), storedAppHeader);
        stack.markerCounter = counter;
        boolean dataRetired = retired >= newest.seq;
        boolean repaired = stack.replay(newest, dataRetired);
        long committedEnd = DATA_START + newest.length;
        long capacity = roundUp(Math.max(committedEnd, io.size()), GROWTH_QUANTUM);
        if (io.size() < capacity) {
            stack.zeroFill(io.size(), capacity);
            repaired = true;
        }
        if (repaired) {
            io.force();
        }
        stack.lastSeq = newest.seq;
        stack.length = newest.length;
        stack.lastHasData = newest.hasData && !dataRetired;
        stack.mapArena = Arena.ofShared();
        try {
            stack.mapping = io.map(capacity, stack.mapArena);
        } catch (IOException | RuntimeException e) {
            stack.mapArena.close();
            throw e;
        }
        return stack;
    }

    /**
     * An in-place creation that a crash interrupted: nothing but zeros, or our header geometry after a
     * magic that is absent or cut short. Any other file without the magic is someone else's.
     */
    private static boolean interruptedCreation(FileIo io, long size) throws IOException {
        ByteBuffer all = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        io.readFully(all, 0);
        boolean zeros = true;
        for (byte b : all.array()) zeros &= b == 0;
        if (zeros) return true;
        if (size < 16 || all.getInt(8) != SUPERBLOCK_BYTES || all.getInt(12) != JOURNAL_AREA_BYTES) return false;
        // the image was forced before the magic was written: a magic that is absent or cut short
        byte[] magic = {MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3], MAGIC[4], MAGIC[5], MAJOR_VERSION, MINOR_VERSION};
        boolean complete = true;
        for (int i = 0; i < 8; i++) {
            byte b = all.get(i);
            if (b != 0 && b != magic[i]) return false;
            complete &= b == magic[i];
        }
        return !complete;
    }

    private static void createAtomically(Path path, byte[] appHeader) throws IOException {
        Path temp = path.resolveSibling("." + path.getFileName() + ".creating-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                FileIo.of(channel).writeFully(initialImage(appHeader, new SecureRandom().nextLong()), 0);
                channel.force(true);
            }
            try {
                Files.createLink(path, temp); // atomic, and fails rather than replace a file made meanwhile
            } catch (FileAlreadyExistsException lostTheRace) {
                // another process created it first: open theirs
            } catch (UnsupportedOperationException noHardLinks) {
                if (!Files.exists(path)) Files.move(temp, path);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true); // make the new name durable
        } catch (IOException notSupported) {
            // some file systems cannot open a directory; the name is durable at their next sync
        }
    }

    private static ByteBuffer initialImage(byte[] appHeader, long salt) {
        ByteBuffer image = ByteBuffer.allocate((int) DATA_START).order(ByteOrder.LITTLE_ENDIAN);
        image.put(0, MAGIC);
        image.put(6, (byte) MAJOR_VERSION);
        image.put(7, (byte) MINOR_VERSION);
        image.putInt(8, SUPERBLOCK_BYTES);
        image.putInt(12, JOURNAL_AREA_BYTES);
        image.putLong(16, salt);
        image.putInt(24, appHeader.length);
        image.put(APP_HEADER_OFFSET, appHeader);
        image.putInt(SUPERBLOCK_CRC_OFFSET, crc(image.array(), 0, SUPERBLOCK_CRC_OFFSET));
        // the first commit record: sequence 1, an empty stack (journal area 1 = 1 % 2)
        ByteBuffer record = encodeRecord(1, 0, new Txn());
        image.put(SUPERBLOCK_BYTES + JOURNAL_AREA_BYTES, record, 0, record.limit());
        return image;
    }

    private record Record(long seq, long length, ByteBuffer body, int opCount, boolean hasData) {}

    private static Record readRecord(FileIo io, int area) throws IOException {
        long at = SUPERBLOCK_BYTES + (long) area * JOURNAL_AREA_BYTES;
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        io.readFully(header, at);
        long seq = header.getLong(0);
        long length = header.getLong(8);
        int bodyBytes = header.getInt(16);
        int opCount = header.getInt(20);
        if (seq <= 0 || header.getInt(28) != RECORD_MAGIC || bodyBytes < 0 || bodyBytes > MAX_RECORD_BODY
                || (bodyBytes & 7) != 0 || length < 0 || length > MAX_LENGTH || opCount < 0) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
        io.readFully(body, at + RECORD_HEADER_BYTES);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 24);
        crc.update(body.array(), 0, bodyBytes);
        if ((int) crc.getValue() != header.getInt(24)) {
            return null;
        }
        // a valid record only writes inside the header's application area or the committed stack
        boolean hasData = false;
        int pos = 0;
        for (int i = 0; i < opCount; i++) {
            if (pos + 16 > bodyBytes) return null;
            long word = body.getLong(pos);
            long len = body.getLong(pos + 8);
            int kind = (int) (word >>> 56);
            long offset = word & ((1L << 56) - 1);
            if (len < 0 || len > bodyBytes || !writable(offset, len, DATA_START + length) || (kind != OP_META && kind != OP_DATA)) {
                return null;
            }
            hasData |= kind == OP_DATA;
            pos += 16 + (int) roundUp(len, 8);
            if (pos > bodyBytes) return null;
        }
        return new Record(seq, length, body, opCount, hasData);
    }

    /** Writes a record's in-place writes where the file differs; true if anything was written. */
    private boolean replay(Record record, boolean skipData) throws IOException {
        boolean wrote = false;
        ByteBuffer body = record.body;
        int pos = 0;
        for (int i = 0; i < record.opCount; i++) {
            long word = body.getLong(pos);
            int len = (int) body.getLong(pos + 8);
            int kind = (int) (word >>> 56);
            long offset = word & ((1L << 56) - 1);
            if (kind == OP_META || !skipData) {
                ByteBuffer want = body.slice(pos + 16, len);
                ByteBuffer have = ByteBuffer.allocate(len);
                int got = 0;
                while (have.hasRemaining()) {
                    int n = io.read(have, offset + have.position());
                    if (n < 0) break;
                    got += n;
                }
                if (got < len || !have.flip().equals(want)) {
                    io.writeFully(want.duplicate(), offset);
                    wrote = true;
                }
            }
            pos += 16 + (int) roundUp(len, 8);
        }
        return wrote;
    }

    private static boolean writable(long offset, long len, long committedEnd) {
        long end = offset + len;
        if (offset < 0 || end < offset) return false;
        return (offset >= APP_AREA_OFFSET && end <= SUPERBLOCK_BYTES) || (offset >= DATA_START && end <= committedEnd);
    }

    private static FileStoreException corrupt(String name, String why) {
        return new FileStoreException(FileStoreException.Reason.CORRUPT, name + " is damaged: " + why
                + ". It was not changed; restore it from a backup");
    }

    // --- the stack --------------------------------------------------------------------------

    /** The number of bytes on the stack. */
    public long length() {
        requireUsable("length");
        return length;
    }

    /** True if the stack holds no bytes. */
    public boolean isEmpty() {
        return length() == 0;
    }

    /**
     * Pushes {@code bytes} onto the stack, durably, and returns the offset they start at.
     * Crash-atomic: after a crash the stack has either all of them or none.
     */
    public long push(byte[] bytes) throws IOException {
        requireUsable("push");
        long at = length;
        long newLength = newLength(at, bytes.length, "push");
        Txn txn = new Txn();
        if (bytes.length + 16 <= MAX_RECORD_BODY) {
            txn.data(DATA_START + at, MemorySegment.ofArray(bytes));
        } else {
            txn.preWrite(DATA_START + at, ByteBuffer.wrap(bytes));
        }
        txn.newLength(newLength);
        commit(txn);
        return at;
    }

    /** Pushes {@code byteCount} zero bytes, durably; returns the offset they start at. Crash-atomic. */
    public long extend(long byteCount) throws IOException {
        requireUsable("extend");
        if (byteCount < 0) throw new IllegalArgumentException("extend: byteCount must not be negative, got " + byteCount);
        long at = length;
        long newLength = newLength(at, byteCount, "extend");
        Txn txn = new Txn();
        if (byteCount + 16 <= MAX_RECORD_BODY) {
            txn.data(DATA_START + at, MemorySegment.ofArray(new byte[(int) byteCount]));
        } else {
            txn.preZero(DATA_START + at, byteCount);
        }
        txn.newLength(newLength);
        commit(txn);
        return at;
    }

    /** Removes the last {@code byteCount} bytes, durably, and returns them. Crash-atomic. */
    public byte[] pop(long byteCount) throws IOException {
        byte[] top = get(length() - requireTail(byteCount, "pop"), byteCount);
        discard(byteCount);
        return top;
    }

    /** Removes the last {@code byteCount} bytes, durably, without reading them. Crash-atomic. */
    public void discard(long byteCount) throws IOException {
        requireUsable("discard");
        requireTail(byteCount, "discard");
        Txn txn = new Txn();
        txn.newLength(length - byteCount);
        commit(txn);
    }

    /**
     * Overwrites bytes in place at {@code offset}, durably. Crash-atomic (journaled): after a crash
     * the range holds all old or all new bytes. At most about 64 KiB in one call.
     */
    public void set(long offset, byte[] bytes) throws IOException {
        requireUsable("set");
        requireRange(offset, bytes.length, "set");
        if (bytes.length + 16 > MAX_RECORD_BODY) {
            throw new IllegalArgumentException("set: " + bytes.length + " bytes do not fit one atomic step (at most "
                    + (MAX_RECORD_BODY - 16) + "); split the write");
        }
        Txn txn = new Txn();
        txn.data(DATA_START + offset, MemorySegment.ofArray(bytes));
        commit(txn);
    }

    /** Reads {@code byteCount} bytes at {@code offset}. */
    public byte[] get(long offset, long byteCount) {
        requireUsable("get");
        requireRange(offset, byteCount, "get");
        if (byteCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("get: " + byteCount + " bytes do not fit a Java array");
        }
        return mapping.asSlice(DATA_START + offset, byteCount).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Releases the lock and the mapping. Idempotent. Every call afterwards throws. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            if (mapArena != null) mapArena.close();
        } finally {
            io.close();
        }
    }

    @Override
    public String toString() {
        return "DurableStack[" + name + (closed ? ", closed" : ", " + length + " bytes") + "]";
    }

    // --- for FileStore ----------------------------------------------------------------------

    /** The mapping of the whole file: stale after the next step that grows the file (see {@link #remaps()}). */
    MemorySegment mapping() {
        return mapping;
    }

    /** How many times the file was remapped because it grew. */
    long remaps() {
        return remaps;
    }

    long salt() {
        return salt;
    }

    byte[] applicationHeader() {
        return appHeader.clone();
    }

    String name() {
        return name;
    }

    boolean isClosed() {
        return closed;
    }

    /** True after an I/O error made the outcome of a step unknown (see the class comment). */
    boolean hasFailed() {
        return failure != null;
    }

    /**
     * Makes everything written through the mapping durable, and retires the data writes of the newest
     * record so that a replay never rolls those bytes back to what the record wrote.
     */
    void syncMapped() throws IOException {
        requireUsable("sync");
        try {
            if (lastHasData) {
                long counter = markerCounter + 1;
                ByteBuffer marker = ByteBuffer.allocate(MARKER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                marker.putLong(0, lastSeq).putLong(8, counter);
                marker.putInt(16, crc(marker.array(), 0, 16));
                io.writeFully(marker, MARKER_OFFSET + (counter & 1) * MARKER_BYTES);
                markerCounter = counter;
            }
            io.forceMapping(mapping);
            lastHasData = false;
        } catch (IOException | RuntimeException e) {
            throw fail(e, "sync");
        }
    }

    /**
     * Commits one step: grows the file if the new length needs it (failure here changes nothing),
     * writes the pre-writes and forces them, writes the record, forces, applies the writes in place.
     */
    void commit(Txn txn) throws IOException {
        requireUsable("commit");
        long newLength = txn.newLength < 0 ? length : txn.newLength;
        if (newLength < 0 || newLength > MAX_LENGTH) {
            throw new IllegalStateException("commit: length " + newLength + " out of range");
        }
        if (txn.bodyBytes() > MAX_RECORD_BODY) {
            throw new IllegalArgumentException("one step of " + txn.opCount + " in-place writes needs "
                    + txn.bodyBytes() + " journal bytes, more than the " + MAX_RECORD_BODY + " one step may use; split it");
        }
        long end = DATA_START + newLength;
        txn.dropMetaBeyond(end);
        txn.checkWritable(end);
        ensureCapacity(Math.max(end, txn.preWriteEnd));
        ByteBuffer record = encodeRecord(lastSeq + 1, newLength, txn);
        try {
            if (!txn.preWrites.isEmpty()) {
                for (Txn.PreWrite w : txn.preWrites) {
                    if (w.bytes != null) io.writeFully(w.bytes.duplicate(), w.offset);
                    else zeroFill(w.offset, w.offset + w.zeros);
                }
                io.force();
            }
        } catch (IOException | RuntimeException e) {
            // pre-writes go to bytes no committed state uses: nothing changed
            throw new IOException(name + ": could not write " + describe(e) + "; nothing was changed", e);
        }
        try {
            io.writeFully(record, SUPERBLOCK_BYTES + ((lastSeq + 1) & 1) * JOURNAL_AREA_BYTES);
            io.force();
        } catch (IOException | RuntimeException e) {
            throw fail(e, "commit");
        }
        lastSeq++;
        length = newLength;
        lastHasData = txn.hasData;
        try {
            ByteBuffer body = txn.body();
            int pos = 0;
            for (int i = 0; i < txn.opCount; i++) {
                long offset = body.getLong(pos) & ((1L << 56) - 1);
                int len = (int) body.getLong(pos + 8);
                io.writeFully(body.slice(pos + 16, len), offset);
                pos += 16 + (int) roundUp(len, 8);
            }
        } catch (IOException | RuntimeException e) {
            throw fail(e, "apply (the step is committed; reopening completes it)");
        }
    }

    /** Grows the file (writing zeros, so a full disk shows up here) and remaps it. Changes nothing on failure. */
    private void ensureCapacity(long fileBytes) throws IOException {
        if (mapping != null && fileBytes <= mapping.byteSize()) return;
        long current = mapping == null ? 0 : mapping.byteSize();
        long doubled = current + Math.min(current, 1L << 30);
        long capacity = roundUp(Math.max(fileBytes, doubled), GROWTH_QUANTUM);
        try {
            long size = io.size();
            if (size < capacity) zeroFill(size, capacity);
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": could not grow the file to " + capacity + " bytes: " + describe(e)
                    + "; nothing was changed", e);
        }
        Arena arena = Arena.ofShared();
        MemorySegment grown;
        try {
            grown = io.map(capacity, arena);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw new IOException(name + ": could not map " + capacity + " bytes: " + describe(e)
                    + "; nothing was changed", e);
        }
        Arena old = mapArena;
        mapArena = arena;
        mapping = grown;
        remaps++;
        if (old != null) old.close(); // every pointer into the old mapping dies here
    }

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);

    private void zeroFill(long from, long to) throws IOException {
        for (long at = from; at < to; ) {
            int n = (int) Math.min(to - at, ZEROS.capacity());
            io.writeFully(ZEROS.duplicate().limit(n), at);
            at += n;
        }
    }

    private IOException fail(Throwable e, String operation) {
        failure = e;
        return new IOException(name + ": " + operation + " failed: " + describe(e) + ". The outcome of this step is "
                + "unknown until the file is reopened; this store refuses further calls (close and reopen it)", e);
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    void requireUsable(String operation) {
        if (closed) {
            throw new IllegalStateException(operation + " on " + this + ", which is closed");
        }
        if (failure != null) {
            throw new IllegalStateException(operation + " on " + this + " after an I/O error (" + describe(failure)
                    + "): close it and open the file again", failure);
        }
    }

    private long newLength(long at, long byteCount, String operation) {
        if (byteCount > MAX_LENGTH - at) {
            throw new IllegalArgumentException(operation + ": " + byteCount + " more bytes exceed the stack's limit of "
                    + MAX_LENGTH + " bytes");
        }
        return at + byteCount;
    }

    private long requireTail(long byteCount, String operation) {
        if (byteCount < 0 || byteCount > length()) {
            throw new IllegalArgumentException(operation + ": " + byteCount + " bytes, but the stack holds " + length);
        }
        return byteCount;
    }

    private void requireRange(long offset, long byteCount, String operation) {
        if (offset < 0 || byteCount < 0 || byteCount > length - offset || offset > length) {
            throw new IndexOutOfBoundsException(operation + ": [" + offset + ", +" + byteCount
                    + ") is outside the stack's " + length + " bytes");
        }
    }

    static long roundUp(long value, long quantum) {
        return (value + quantum - 1) / quantum * quantum;
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }

    private static ByteBuffer encodeRecord(long seq, long length, Txn txn) {
        int bodyBytes = txn.bodyBytes();
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER_BYTES + bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(0, seq).putLong(8, length).putInt(16, bodyBytes).putInt(20, txn.opCount);
        record.putInt(28, RECORD_MAGIC);
        record.put(RECORD_HEADER_BYTES, txn.body(), 0, bodyBytes);
        CRC32C crc = new CRC32C();
        crc.update(record.array(), 0, 24);
        crc.update(record.array(), RECORD_HEADER_BYTES, bodyBytes);
        record.putInt(24, (int) crc.getValue());
        return record;
    }

    /**
     * One durable step: in-place writes (journaled, replayed after a crash), a new length, and
     * pre-writes (bytes for space no committed state uses, written and forced before the record: for
     * data too large to journal). Offsets are file offsets.
     */
    static final class Txn {
        private ByteBuffer body = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        private int opCount;
        private long newLength = -1;
        private boolean hasData;
        private final java.util.List<PreWrite> preWrites = new java.util.ArrayList<>();
        private long preWriteEnd;

        private record PreWrite(long offset, ByteBuffer bytes, long zeros) {}

        /** An allocator's metadata write: always replayed by recovery. */
        void meta(long fileOffset, long word0, long word1) {
            ensure(32);
            body.putLong(((long) OP_META << 56) | fileOffset).putLong(16).putLong(word0).putLong(word1);
            opCount++;
        }

        /** An allocator's metadata write of one long. */
        void meta(long fileOffset, long word) {
            ensure(24);
            body.putLong(((long) OP_META << 56) | fileOffset).putLong(8).putLong(word);
            opCount++;
        }

        /** A data write: replayed by recovery unless a later sync retired it. */
        void data(long fileOffset, MemorySegment bytes) {
            int len = Math.toIntExact(bytes.byteSize());
            int padded = (int) roundUp(len, 8);
            ensure(16 + padded);
            body.putLong(((long) OP_DATA << 56) | fileOffset).putLong(len);
            MemorySegment.ofArray(body.array()).asSlice(body.position(), len).copyFrom(bytes);
            body.position(body.position() + padded);
            opCount++;
            hasData = true;
        }

        void preWrite(long fileOffset, ByteBuffer bytes) {
            preWrites.add(new PreWrite(fileOffset, bytes, 0));
            preWriteEnd = Math.max(preWriteEnd, fileOffset + bytes.remaining());
        }

        void preZero(long fileOffset, long byteCount) {
            preWrites.add(new PreWrite(fileOffset, null, byteCount));
            preWriteEnd = Math.max(preWriteEnd, fileOffset + byteCount);
        }

        void newLength(long length) {
            newLength = length;
        }

        int opCount() {
            return opCount;
        }

        int bodyBytes() {
            return body.position();
        }

        ByteBuffer body() {
            return body.duplicate().flip().order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Drops metadata writes wholly beyond the committed end: the step pops what they describe. */
        private void dropMetaBeyond(long committedEnd) {
            ByteBuffer b = body();
            ByteBuffer kept = ByteBuffer.allocate(b.limit()).order(ByteOrder.LITTLE_ENDIAN);
            int keptOps = 0;
            int pos = 0;
            for (int i = 0; i < opCount; i++) {
                long word = b.getLong(pos);
                long offset = word & ((1L << 56) - 1);
                int size = 16 + (int) roundUp(b.getLong(pos + 8), 8);
                if ((int) (word >>> 56) != OP_META || offset < committedEnd || offset < DATA_START) {
                    kept.put(b.slice(pos, size));
                    keptOps++;
                }
                pos += size;
            }
            if (keptOps != opCount) {
                body = kept;
                opCount = keptOps;
            }
        }

        private void checkWritable(long committedEnd) {
            ByteBuffer b = body();
            int pos = 0;
            for (int i = 0; i < opCount; i++) {
                long offset = b.getLong(pos) & ((1L << 56) - 1);
                long len = b.getLong(pos + 8);
                if (!writable(offset, len, committedEnd)) {
                    throw new IllegalStateException("a step writes [" + offset + ", +" + len
                            + ") outside the committed file (" + committedEnd + " bytes)");
                }
                pos += 16 + (int) roundUp(len, 8);
            }
        }

        private void ensure(int more) {
            if (body.remaining() < more) {
                int capacity = Math.max(body.capacity() * 2, body.position() + more);
                // never much past what a record may hold: the size check in commit reports the overflow
                ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
                bigger.put(body.flip());
                body = bigger;
            }
        }
    }
}
