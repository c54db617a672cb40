package dev.stowage.bench;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.CheckedStore;
import dev.stowage.store.GlobalStore;
import dev.stowage.store.GrowableStore;
import dev.stowage.store.InlineStore;
import dev.stowage.store.SharedArenaStore;
import dev.stowage.store.SlabStore;
import dev.stowage.store.SmallStore;
import dev.stowage.store.Store;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
 * Resolve + read + write of a {@code long}. One operation: turn a handle into a pointer, read the
 * {@code long} there and write it back incremented. {@value #COUNT} allocations of {@value #SIZE}
 * bytes are visited in a shuffled order, so the loop cannot be vectorized into one stream.
 *
 * <p>{@code InlineStore} and {@code SmallStore}'s inline part hold one allocation on the Java heap;
 * their peer is {@code rawHeapOneSlot}, the same read and write of one heap {@code long}.
 *
 * <p>Peer: raw {@code MemorySegment} access — the same read and write at an offset into one native
 * segment (what a user managing offsets by hand would do), visited in the same order. The stores
 * are called through the {@code Store} interface, as user code does; every benchmark runs in its
 * own JVM, so each call site sees one store class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ResolveBenchmark {

    static final int COUNT = 1024;
    static final long SIZE = 16;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

    private Arena rawArena;
    private MemorySegment raw;
    private long[] offsets;
    /** The peer of the single-allocation stores: one long on the Java heap, visited COUNT times. */
    private MemorySegment rawHeap = MemorySegment.ofArray(new long[(int) (SIZE / 8)]);

    private Store globalStore;
    private long[] globalHandles;
    private Store arenaStore;
    private long[] arenaHandles;
    private Store checkedStore;
    private long[] checkedHandles;
    private Store slabStore;
    private long[] slabHandles;
    private Store growableStore;
    private long[] growableHandles;
    private Store sharedArenaStore;
    private long[] sharedArenaHandles;
    private Store smallStore;
    private long[] smallHandles;
    private Store inlineStore;
    private long[] inlineHandles;

    @Setup(Level.Trial)
    public void setUp() {
        int[] order = Shuffle.permutation(COUNT, 42);
        rawArena = Arena.ofConfined();
        raw = rawArena.allocate(COUNT * SIZE, 16);
        offsets = new long[COUNT];
        for (int i = 0; i < COUNT; i++) offsets[i] = order[i] * SIZE;
        globalStore = new GlobalStore();
        globalHandles = allocateAll(globalStore, order);
        arenaStore = new ArenaStore();
        arenaHandles = allocateAll(arenaStore, order);
        checkedStore = new CheckedStore(new ArenaStore());
        checkedHandles = allocateAll(checkedStore, order);
        slabStore = new SlabStore(SIZE, 8);
        slabHandles = allocateAll(slabStore, order);
        growableStore = new GrowableStore();
        growableHandles = allocateAll(growableStore, order);
        sharedArenaStore = new SharedArenaStore();
        sharedArenaHandles = allocateAll(sharedArenaStore, order);
        // SmallStore: one inline allocation (on the heap) resolved COUNT times, its fast path;
        // the fallback path is the fallback store's own resolve.
        smallStore = new SmallStore(SIZE, new GlobalStore());
        smallHandles = repeat(smallStore.allocateZeroed(SIZE, 8));
        // InlineStore holds one allocation: the same handle COUNT times.
        inlineStore = new InlineStore(SIZE);
        inlineHandles = repeat(inlineStore.allocateZeroed(SIZE, 8));
    }

    /** COUNT allocations, listed in the shuffled order. */
    static long[] allocateAll(Store store, int[] order) {
        long[] inAllocationOrder = new long[COUNT];
        for (int i = 0; i < COUNT; i++) inAllocationOrder[i] = store.allocateZeroed(SIZE, 8);
        long[] shuffled = new long[COUNT];
        for (int i = 0; i < COUNT; i++) shuffled[i] = inAllocationOrder[order[i]];
        return shuffled;
    }

    static long[] repeat(long handle) {
        long[] handles = new long[COUNT];
        java.util.Arrays.fill(handles, handle);
        return handles;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rawArena.close();
        globalStore.close(); // GlobalStore frees nothing on close: the benchmark JVM exits right after
        arenaStore.close();
        checkedStore.close();
        slabStore.close();
        growableStore.close();
        sharedArenaStore.close();
        smallStore.close();
        inlineStore.close();
    }

    private static long visit(Store store, long[] handles) {
        long sum = 0;
        for (long h : handles) {
            MemorySegment p = store.resolve(h, SIZE);
            long v = p.get(LONG, 0);
            p.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawSegment() {
        MemorySegment segment = raw;
        long sum = 0;
        for (long offset : offsets) {
            long v = segment.get(LONG, offset);
            segment.set(LONG, offset, v + 1);
            sum += v;
        }
        return sum;
    }

    /** The peer of inlineStore and smallStore: the same read and write of one heap long, COUNT times. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long rawHeapOneSlot() {
        MemorySegment segment = rawHeap;
        long sum = 0;
        for (int i = 0; i < COUNT; i++) {
            long v = segment.get(LONG, 0);
            segment.set(LONG, 0, v + 1);
            sum += v;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long globalStore() {
        return visit(globalStore, globalHandles);
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long arenaStore() {
        return visit(arenaStore, arenaHandles);
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long slabStore() {
        return visit(slabStore, slabHandles);
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long growableStore() {
        return visit(growableStore, growableHandles);
    }

    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long sharedArenaStore() {
        return visit(sharedArenaStore, sharedArenaHandles);
    }

    /** One inline (heap) allocation, resolved COUNT times: compare with rawSegment with care (one hot line). */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long smallStore() {
        return visit(smallStore, smallHandles);
    }

    /** One heap allocation resolved COUNT times, as for smallStore. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long inlineStore() {
        return visit(inlineStore, inlineHandles);
    }

    /** The debug store: expected to be far slower (it checks every handle); reported, no target. */
    @Benchmark
    @OperationsPerInvocation(COUNT)
    public long checkedArenaStore() {
        return visit(checkedStore, checkedHandles);
    }
}
