package dev.stowage.bench;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.GlobalStore;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.SlabStore;
import dev.stowage.store.Store;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
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
 * Allocate + free of small same-size blocks. One operation: allocate a {@value #BLOCK}-byte block,
 * write a {@code long} into it, read it back, free it. Each invocation allocates a batch of
 * {@value #BATCH} blocks (so many are live at once, as in real use) and then frees them newest
 * first, the same order for every allocator.
 *
 * <p>Peers: Netty's {@code PooledByteBufAllocator} (direct buffers, its thread-local cache on for
 * this thread, leak detection off: Netty at its fastest), {@code Arena.ofConfined()} per allocation (the FFM way to
 * free one block), and the JDK's {@code SegmentAllocator.slicingAllocator} over one segment (the
 * simplest bump allocator; it cannot free one block, so a batch is freed by starting a new slicer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "-Dio.netty.leakDetection.level=disabled"})
public class AllocFreeBenchmark {

    static final int BLOCK = 64;
    static final int BATCH = 256;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

    private final long[] handles = new long[BATCH];
    private final ByteBuf[] buffers = new ByteBuf[BATCH];
    private final Arena[] arenas = new Arena[BATCH];
    private final MemorySegment[] slices = new MemorySegment[BATCH];

    private GlobalStore globalStore;
    private SlabStore slabStore;
    private ArenaStore arenaStore;
    private GrowableStore growableStore;
    private PooledByteBufAllocator netty;
    private Arena slicerArena;
    private MemorySegment slicerMemory;

    @Setup(Level.Trial)
    public void setUp() {
        globalStore = new GlobalStore();
        slabStore = new SlabStore(BLOCK, 8);
        arenaStore = new ArenaStore();
        growableStore = new GrowableStore();
        // Netty 4.2 gives only its own FastThreadLocalThreads a thread-local cache by default; turn it on
        // for the benchmark thread too, so Netty runs at its fastest.
        netty = new PooledByteBufAllocator(true,
                PooledByteBufAllocator.defaultNumHeapArena(), PooledByteBufAllocator.defaultNumDirectArena(),
                PooledByteBufAllocator.defaultPageSize(), PooledByteBufAllocator.defaultMaxOrder(),
                PooledByteBufAllocator.defaultSmallCacheSize(), PooledByteBufAllocator.defaultNormalCacheSize(),
                true);
        slicerArena = Arena.ofConfined();
        slicerMemory = slicerArena.allocate((long) BLOCK * BATCH, 64);
        if (Boolean.getBoolean("stowage.bench.pollute")) {
            // The stores' shared code (the skeleton's templates, storeBatch's call sites) sees four
            // store classes before anything is measured, as in a program that uses several stores:
            // what is measured then is the megamorphic case (docs/stores.md, "One skeleton").
            for (int round = 0; round < 3_000; round++) {
                storeBatch(globalStore);
                storeBatch(slabStore);
                storeBatch(arenaStore);
                storeBatch(growableStore);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        globalStore.close();
        slabStore.close();
        arenaStore.close();
        growableStore.close();
        slicerArena.close();
    }

    /** The same loop for every store: the stores are compared, not the loops. */
    private long storeBatch(Store store) {
        long[] hs = handles;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            long h = store.allocate(BLOCK, 8);
            store.resolve(h, BLOCK).set(LONG, 0, i);
            hs[i] = h;
        }
        for (int i = BATCH - 1; i >= 0; i--) {
            long h = hs[i];
            sum += store.resolve(h, BLOCK).get(LONG, 0);
            store.deallocate(h, BLOCK, 8);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long slabStore() {
        return storeBatch(slabStore);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long globalStore() {
        return storeBatch(globalStore);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long arenaStore() {
        return storeBatch(arenaStore);
    }

    /** A store whose allocate and free go through the skeleton's templates (AbstractStore). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long growableStore() {
        return storeBatch(growableStore);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long nettyPooledDirect() {
        ByteBuf[] bs = buffers;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            ByteBuf b = netty.directBuffer(BLOCK, BLOCK);
            b.setLong(0, i);
            bs[i] = b;
        }
        for (int i = BATCH - 1; i >= 0; i--) {
            ByteBuf b = bs[i];
            sum += b.getLong(0);
            b.release();
            bs[i] = null;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long confinedArenaPerAllocation() {
        Arena[] as = arenas;
        MemorySegment[] ss = slices;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            Arena a = Arena.ofConfined();
            MemorySegment s = a.allocate(BLOCK, 8);
            s.set(LONG, 0, i);
            as[i] = a;
            ss[i] = s;
        }
        for (int i = BATCH - 1; i >= 0; i--) {
            sum += ss[i].get(LONG, 0);
            as[i].close();
            as[i] = null;
            ss[i] = null;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long slicingAllocator() {
        SegmentAllocator slicer = SegmentAllocator.slicingAllocator(slicerMemory);
        MemorySegment[] ss = slices;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            MemorySegment s = slicer.allocate(BLOCK, 8);
            s.set(LONG, 0, i);
            ss[i] = s;
        }
        for (int i = BATCH - 1; i >= 0; i--) {
            sum += ss[i].get(LONG, 0);
            ss[i] = null;
        }
        return sum;
    }
}
