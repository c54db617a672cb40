package dev.stowage.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A file that fails on purpose: the N-th write or force after {@link #armAt(int, Fault, Crash)}
 * fails (or is torn: half of it is written first), as a crash or a full disk would make it.
 *
 * <p>{@link Crash#PROCESS}: the process dies at the fault; what was written stays (the page cache
 * survives a killed process). {@link Crash#POWER}: the machine dies at the fault; every write since
 * the last successful force is lost (a torn write keeps its written half). {@link Crash#NONE}: the one
 * call fails ("No space left on device") and the file works again afterwards.
 * After a PROCESS or POWER crash every further call fails: the store is dead.
 */
final class FaultyFileIo implements FileIo {

    enum Fault { FAIL, TORN, NO_SPACE }

    enum Crash { NONE, PROCESS, POWER }

    private final FileChannel channel;
    private final FileIo real;
    private int countdown = -1;
    private Fault fault;
    private Crash crash;
    private boolean dead;
    private int events;
    /** Writes since the last force: {offset, old bytes (or null beyond the old end)}. */
    private final List<Object[]> unforced = new ArrayList<>();
    private long sizeAtLastForce;

    FaultyFileIo(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        real = FileIo.of(channel);
        sizeAtLastForce = channel.size();
    }

    /** The {@code n}-th write or force from now (1-based) fails with {@code fault}. */
    void armAt(int n, Fault fault, Crash crash) {
        this.countdown = n;
        this.fault = fault;
        this.crash = crash;
        this.events = 0;
    }

    /** Writes and forces since the last {@link #armAt}. */
    int events() {
        return events;
    }

    boolean fired() {
        return countdown == 0;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        requireAlive();
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        requireAlive();
        events++;
        if (hit()) {
            int torn = 0;
            if (fault == Fault.TORN && src.remaining() > 1) {
                ByteBuffer half = src.duplicate();
                half.limit(half.position() + src.remaining() / 2);
                torn = half.remaining();
                remember(position, torn);
                real.writeFully(half, position);
            }
            fire(position, torn);
        }
        remember(position, src.remaining());
        return real.write(src, position);
    }

    @Override
    public void force() throws IOException {
        requireAlive();
        events++;
        if (hit()) fire(-1, 0);
        real.force();
        forced();
    }

    @Override
    public void forceMapping(MemorySegment mapping) throws IOException {
        requireAlive();
        events++;
        if (hit()) fire(-1, 0);
        real.forceMapping(mapping);
        forced();
    }

    @Override
    public long size() throws IOException {
        requireAlive();
        return real.size();
    }

    @Override
    public MemorySegment map(long byteSize, Arena arena) throws IOException {
        requireAlive();
        return real.map(byteSize, arena);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private boolean hit() {
        return countdown > 0 && --countdown == 0;
    }

    private void forced() throws IOException {
        unforced.clear();
        sizeAtLastForce = channel.size();
    }

    private void remember(long position, int length) throws IOException {
        if (crash != Crash.POWER || length <= 0) return;
        ByteBuffer old = ByteBuffer.allocate(length);
        int read = 0;
        while (old.hasRemaining()) {
            int n = channel.read(old, position + old.position());
            if (n < 0) break;
            read += n;
        }
        unforced.add(new Object[] {position, old.flip().limit(read)});
    }

    private void fire(long tornAt, int tornBytes) throws IOException {
        if (crash == Crash.NONE) {
            throw new IOException("No space left on device");
        }
        dead = true;
        if (crash == Crash.POWER) { // lose every unforced write but a torn one's written half
            int keep = tornBytes > 0 ? 1 : 0;
            for (int i = unforced.size() - 1 - keep; i >= 0; i--) {
                Object[] w = unforced.get(i);
                ByteBuffer old = (ByteBuffer) w[1];
                real.writeFully(old.duplicate(), (Long) w[0]);
            }
            long keepEnd = tornBytes > 0 ? tornAt + tornBytes : 0;
            channel.truncate(Math.max(sizeAtLastForce, keepEnd));
        }
        throw new IOException(fault == Fault.NO_SPACE ? "No space left on device" : "injected " + fault + " (crash)");
    }

    private void requireAlive() throws IOException {
        if (dead) throw new IOException("the process has crashed (injected)");
    }
}
