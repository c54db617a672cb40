package dev.stowage.bench;

import dev.stowage.store.FileStore;
import dev.stowage.store.Store;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Resolve + read of a {@code long} on a FileStore ({@value #COUNT} allocations of {@value #SIZE}
 * bytes, visited in a shuffled order, through the {@code Store} interface) against the same read
 * at the same offsets of a raw mapped segment of a file of the same size ({@code FileChannel.map}).
 * The FileStore's resolve checks the handle against the block marks it keeps on the Java heap (two
 * bits per 16-byte granule); {@code rawMappedHeaderCheckRead} and {@code rawMappedMarksRead} time a
 * header check in the mapping and the marks' two-word window check, inlined by hand; the
 * {@code rawMapped*Mark*} methods time forms of resolve's one-mark check inlined by hand (the
 * measured variants of docs/benchmarks.md, "FileStore"). The raw peers' speed depends on the
 * method they share a JVM with; compare with
 * {@code -XX:CompileCommand=dontinline,dev.stowage.bench.FileStoreResolveBenchmark::*} too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class FileStoreResolveBenchmark {

    static final int COUNT = 1024;
    static final long SIZE = 16;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

    private Path dir;
    private Store store;
    private long[] handles;
    private Arena rawArena;
    private MemorySegment raw;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path base = Path.of(System.getProperty("stowage.bench.dir", "target/bench-files"));
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base, "resolve-");
        store = FileStore.open(dir.resolve("filestore-resolve"));
        long[] inOrder = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            inOrder[i] = store.allocate(SIZE, 8);
            store.resolve(inOrder[i], SIZE).set(LONG, 0, i);
        }
        int[] order = Shuffle.permutation(COUNT, 42);
        handles = new long[COUNT];
        for (int i = 0; i < COUNT; i++) handles[i] = inOrder[order[i]];
        long bytes = inOrder[COUNT - 1] + SIZE;
        rawArena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(dir.resolve("raw-mapped"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            raw = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes, rawArena);
        }
        for (int i = 0; i < COUNT; i++) raw.set(LONG, inOrder[i], i);
        marks = new long[(int) (bytes >>> 9) + 3];
        for (int i = 0; i < COUNT; i++) {
            long granule = inOrder[i] >>> 4;
            marks[(int) (granule >>> 5)] |= 3L << (((int) granule & 31) << 1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        rawArena.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long fileStoreResolveRead() {
        long sum = 0;
        for (long h : handles) sum += store.resolve(h, SIZE).get(LONG, 0);
        return sum;
    }

    /** The raw mapping sliced per access, as resolve does (without the header check). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedSliceRead() {
        long sum = 0;
        for (long h : handles) sum += raw.asSlice(h, SIZE).get(LONG, 0);
        return sum;
    }

    /** The raw mapping with a header load and compare per access (what resolve adds, inlined by hand). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedHeaderCheckRead() {
        long sum = 0;
        for (long h : handles) {
            long word = raw.get(LONG, h - 8) ^ tagKey ^ (h - 16);
            if ((word & 1) == 0 && (word & ~15L) > 1L << 40) throw new IllegalStateException();
            sum += raw.asSlice(h, SIZE).get(LONG, 0);
        }
        return sum;
    }

    private long tagKey = 0x1234567L;
    private long[] marks;

    /** The raw mapping with FileStore's heap-marks check inlined by hand (what resolve adds). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedMarksRead() {
        long sum = 0;
        long[] m = marks;
        for (long h : handles) {
            long granule = h >>> 4;
            long span = (SIZE + 15) >>> 4;
            if ((h & 15) == 0 && (granule >>> 5) < m.length - 1) {
                int word = (int) (granule >>> 5);
                int shift = ((int) granule & 31) << 1;
                long window = (m[word] >>> shift) | (m[word + 1] << 1 << (63 - shift));
                if ((window & ((4L << (span << 1)) - 1)) == 3) {
                    sum += raw.asSlice(h, SIZE).get(LONG, 0);
                    continue;
                }
            }
            throw new IllegalStateException();
        }
        return sum;
    }

    /** Resolve, read the long, write it back incremented: the op of {@link ResolveBenchmark}, for the other stores. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long fileStoreResolveReadWrite() {
        long sum = 0;
        for (long h : handles) {
            MemorySegment p = store.resolve(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    /** The same read and write at the same offsets of the raw mapping (the peer of the op above). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedReadWrite() {
        long sum = 0;
        for (long h : handles) {
            long v = raw.get(LONG, h);
            raw.set(LONG, h, v + 1);
            sum += v;
        }
        return sum;
    }

    /** Read+write through {@code asSlice} of the raw mapping, no check (the slice's own cost). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedSliceReadWrite() {
        long sum = 0;
        for (long h : handles) {
            MemorySegment p = raw.asSlice(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    /** Read+write with resolve's single-mark check for up to 16 bytes, inlined by hand. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedOneMarkReadWrite() {
        long sum = 0;
        for (long h : handles) {
            long[] m = marks;
            long granule = h >>> 4;
            if ((h & 15) != 0 || (granule >>> 5) >= m.length - 1
                    || ((m[(int) (granule >>> 5)] >>> (((int) granule & 31) << 1)) & 3) != 3) {
                throw new IllegalStateException();
            }
            MemorySegment p = raw.asSlice(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    /** As above, the alignment folded into the bound by a rotation (a misaligned handle is huge). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedRotMarkReadWrite() {
        long sum = 0;
        for (long h : handles) {
            long[] m = marks;
            long g = Long.rotateRight(h, 4);
            if ((g >>> 5) >= m.length - 1 || ((m[(int) (g >>> 5)] >>> ((int) g << 1)) & 3) != 3) {
                throw new IllegalStateException();
            }
            MemorySegment p = raw.asSlice(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    private static final long NOT_GRANULE = -(1L << 40) | 15;

    /** One mask test (aligned, non-negative, below 2^40), then an int word checked unsigned against the array. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedMaskMarkReadWrite() {
        long sum = 0;
        for (long h : handles) {
            long[] m = marks;
            int word = (int) (h >>> 9);
            if ((h & NOT_GRANULE) != 0 || Integer.compareUnsigned(word, m.length) >= 0
                    || ((m[word] >>> ((int) h >>> 3)) & 3) != 3) {
                throw new IllegalStateException();
            }
            MemorySegment p = raw.asSlice(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    /** The same, read only. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedMaskMarkRead() {
        long sum = 0;
        for (long h : handles) {
            long[] m = marks;
            int word = (int) (h >>> 9);
            if ((h & NOT_GRANULE) != 0 || Integer.compareUnsigned(word, m.length) >= 0
                    || ((m[word] >>> ((int) h >>> 3)) & 3) != 3) {
                throw new IllegalStateException();
            }
            sum += raw.asSlice(h, SIZE).get(LONG, 0);
        }
        return sum;
    }

    /** Mask test, then the array's own range check (signed compare by hand). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedMaskSignedReadWrite() {
        long sum = 0;
        for (long h : handles) {
            long[] m = marks;
            int word = (int) (h >>> 9);
            if ((h & NOT_GRANULE) != 0 || word >= m.length
                    || ((m[word] >>> ((int) h >>> 3)) & 3) != 3) {
                throw new IllegalStateException();
            }
            MemorySegment p = raw.asSlice(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    /** The mask test and the mark compare fused into one branch (the mark is read for any word in range). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedFusedMarkRead() {
        long sum = 0;
        for (long h : handles) {
            long[] m = marks;
            int word = (int) (h >>> 9);
            if (Integer.compareUnsigned(word, m.length) >= 0
                    || ((((m[word] >>> ((int) h >>> 3)) & 3) ^ 3) | (h & NOT_GRANULE)) != 0) {
                throw new IllegalStateException();
            }
            sum += raw.asSlice(h, SIZE).get(LONG, 0);
        }
        return sum;
    }

    /** The same fused check, read and write back. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedFusedMarkReadWrite() {
        long sum = 0;
        for (long h : handles) {
            long[] m = marks;
            int word = (int) (h >>> 9);
            if (Integer.compareUnsigned(word, m.length) >= 0
                    || ((((m[word] >>> ((int) h >>> 3)) & 3) ^ 3) | (h & NOT_GRANULE)) != 0) {
                throw new IllegalStateException();
            }
            MemorySegment p = raw.asSlice(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawMappedRead() {
        long sum = 0;
        for (long h : handles) sum += raw.get(LONG, h);
        return sum;
    }
}
