package dev.stowage.bench;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One durable write of {@code size} bytes, five ways, on the same file system in the same run
 * (files under {@code -Dstowage.bench.dir}, default {@code target/bench-files}):
 * <ul>
 *   <li>{@code floorOverwriteForce}: the physical floor: {@code pwrite} of the bytes into a
 *       preallocated file at an advancing offset, then {@code fdatasync}.</li>
 *   <li>{@code floorAppendForce}: the same, appending (the file grows, as a store's file does).</li>
 *   <li>{@code fileStoreAllocateDurable}: {@link FileStore#allocateDurable}: allocation and contents in
 *       one journaled step (one force).</li>
 *   <li>{@code fileStoreAllocateWriteSync}: {@code allocate}, write through the pointer, {@code sync()}:
 *       two durable steps by contract (the allocation when allocate returns, the bytes at sync).</li>
 *   <li>{@code mvStorePutCommitSync}: H2's MVStore, {@code map.put}, {@code commit()}, {@code sync()}:
 *       an established embedded store making the same write durable.</li>
 * </ul>
 * Average time per durable write. Every variant forces to the device, so the numbers depend on the
 * disk; compare within one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class FileStoreDurableBenchmark {

    private static final long FLOOR_FILE_BYTES = 64L << 20;

    @Param({"64", "512", "4096"})
    public int size;

    private Path dir;
    private FileChannel overwrite;
    private long overwriteAt;
    private FileChannel append;
    private long appendAt;
    private ByteBuffer buffer;
    private FileStore store;
    private FileStore storeThreeCalls;
    private MemorySegment contents;
    private MVStore mvStore;
    private MVMap<Long, byte[]> mvMap;
    private long key;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path base = Path.of(System.getProperty("stowage.bench.dir", "target/bench-files"));
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base, "durable-");
        bytes = new byte[size];
        for (int i = 0; i < size; i++) bytes[i] = (byte) i;
        buffer = ByteBuffer.allocateDirect(size).put(bytes).flip();
        contents = MemorySegment.ofArray(bytes);
        overwrite = FileChannel.open(dir.resolve("floor-overwrite"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        for (long at = 0; at < FLOOR_FILE_BYTES; at += zeros.capacity()) overwrite.write(zeros.clear(), at);
        overwrite.force(true);
        append = FileChannel.open(dir.resolve("floor-append"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        store = FileStore.open(dir.resolve("filestore-durable"));
        storeThreeCalls = FileStore.open(dir.resolve("filestore-three-calls"));
        mvStore = new MVStore.Builder().fileName(dir.resolve("mvstore").toString()).autoCommitDisabled().open();
        mvMap = mvStore.openMap("data");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        overwrite.close();
        append.close();
        store.close();
        storeThreeCalls.close();
        mvStore.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    public long floorOverwriteForce() throws IOException {
        overwrite.write(buffer.clear(), overwriteAt);
        overwrite.force(false);
        overwriteAt = (overwriteAt + size) % (FLOOR_FILE_BYTES - size);
        return overwriteAt;
    }

    @Benchmark
    public long floorAppendForce() throws IOException {
        append.write(buffer.clear(), appendAt);
        append.force(false);
        appendAt += size;
        return appendAt;
    }

    @Benchmark
    public long fileStoreAllocateDurable() {
        return store.allocateDurable(contents, 8);
    }

    @Benchmark
    public long fileStoreAllocateWriteSync() {
        long handle = storeThreeCalls.allocate(size, 8);
        storeThreeCalls.resolve(handle, size).copyFrom(contents);
        storeThreeCalls.sync();
        return handle;
    }

    @Benchmark
    public long mvStorePutCommitSync() {
        mvMap.put(key++, bytes);
        long version = mvStore.commit();
        mvStore.sync();
        return version;
    }
}
