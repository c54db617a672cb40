package dev.stowage.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The file operations {@link DurableStack} needs, and nothing more: an interface so that tests can
 * put a fault-injecting file under a stack (fail or truncate the N-th write or force, report "No
 * space left on device") without touching the real file system's behaviour.
 *
 * <p>Implementations must not buffer: a {@link #write} is visible to the next {@link #read} and to
 * the mapping, and is durable once a later {@link #force} returns.
 */
interface FileIo extends AutoCloseable {

    /** Reads up to {@code dst.remaining()} bytes at {@code position}; -1 at the end of the file. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Writes some of {@code src} at {@code position}; returns how many bytes (may be fewer). */
    int write(ByteBuffer src, long position) throws IOException;

    /** Makes every write so far durable (file data and the size; {@code fdatasync}). */
    void force() throws IOException;

    /** Makes what was written through {@code mapping} (and every write so far) durable ({@code msync}). */
    void forceMapping(MemorySegment mapping) throws IOException;

    /** The size of the file in bytes. */
    long size() throws IOException;

    /** Maps {@code [0, byteSize)} of the file read-write into {@code arena} (the file must be that large). */
    MemorySegment map(long byteSize, Arena arena) throws IOException;

    @Override
    void close() throws IOException;

    /** Writes all of {@code src} at {@code position}, looping over short writes. */
    default void writeFully(ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            int written = write(src, at);
            if (written <= 0) {
                throw new IOException("write made no progress at offset " + at);
            }
            at += written;
        }
    }

    /** Reads exactly {@code dst.remaining()} bytes at {@code position}, or throws at the end of the file. */
    default void readFully(ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int read = read(dst, at);
            if (read < 0) {
                throw new java.io.EOFException("end of file at offset " + at);
            }
            at += read;
        }
    }

    /** The real thing: a {@link FileChannel}. */
    static FileIo of(FileChannel channel) {
        return new FileIo() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return channel.read(dst, position);
            }

            @Override
            public int write(ByteBuffer src, long position) throws IOException {
                return channel.write(src, position);
            }

            @Override
            public void force() throws IOException {
                channel.force(false);
            }

            @Override
            public void forceMapping(MemorySegment mapping) {
                mapping.force();
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public MemorySegment map(long byteSize, Arena arena) throws IOException {
                return channel.map(FileChannel.MapMode.READ_WRITE, 0, byteSize, arena);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
