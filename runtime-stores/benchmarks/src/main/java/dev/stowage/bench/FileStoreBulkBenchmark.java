package dev.stowage.bench;

import dev.stowage.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable allocations per millisecond: 1,000 64-byte allocations in one durable step
 * ({@link FileStore#allocateBulk}) against one durable step per allocation ({@code allocate}, 100
 * per invocation). The allocations are freed (in one bulk step) after each invocation, outside the
 * timing, so every invocation starts from the same heap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class FileStoreBulkBenchmark {

    private static final int BULK = 1000;
    private static final int PER_OPERATION = 100;
    private static final long SIZE = 64;

    private Path dir;
    private FileStore store;
    private final long[] bulkSizes = filled(BULK);
    private final long[] perOperationSizes = filled(PER_OPERATION);
    private long[] handles;
    private long[] sizes;

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, SIZE);
        return a;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path base = Path.of(System.getProperty("stowage.bench.dir", "target/bench-files"));
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base, "bulk-");
        store = FileStore.open(dir.resolve("filestore-bulk"));
    }

    @TearDown(Level.Invocation)
    public void freeWhatTheInvocationAllocated() {
        if (handles != null) store.deallocateBulk(handles, sizes, 8);
        handles = null;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BULK)
    public long[] bulk1000InOneStep() {
        handles = store.allocateBulk(bulkSizes, 8);
        sizes = bulkSizes;
        return handles;
    }

    @Benchmark
    @OperationsPerInvocation(PER_OPERATION)
    public long[] oneStepPerAllocation() {
        long[] made = new long[PER_OPERATION];
        for (int i = 0; i < PER_OPERATION; i++) made[i] = store.allocate(SIZE, 8);
        handles = made;
        sizes = perOperationSizes;
        return made;
    }
}
