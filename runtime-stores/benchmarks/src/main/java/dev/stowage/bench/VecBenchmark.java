package dev.stowage.bench;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.GlobalStore;
import dev.stowage.store.Store;
import dev.stowage.store.StoreVec;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code StoreVec} of longs against fastutil's {@code LongArrayList} and a plain {@code long[]} with a
 * size counter. One operation is one element pushed, read or summed:
 * <ul>
 *   <li>{@code push*}: clear, then push {@code size} values into the capacity left by the last
 *       invocation (the steady state of a reused buffer);</li>
 *   <li>{@code bulk*}: clear, then append {@code size} values from a {@code long[]} in one call
 *       ({@code pushLongs}, {@code addElements}, {@code System.arraycopy});</li>
 *   <li>{@code grow*}: a new, empty vector, {@code size} pushes (every reallocation included), then
 *       freed ({@code close}; the JDK's collections leave it to the GC);</li>
 *   <li>{@code get*}: reads at {@code size} shuffled indexes;</li>
 *   <li>{@code sum*}: reads every element in order.</li>
 * </ul>
 * {@code StoreVec} runs over {@code GlobalStore} (malloc/realloc) and {@code ArenaStore}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class VecBenchmark {

    static final int OPS = 4096;

    /** Elements per invocation; the @OperationsPerInvocation count must match it. */
    @Param({"4096"})
    public int size;

    private int[] shuffled;
    private Store global;
    private Store arena;
    private StoreVec globalVec;
    private StoreVec arenaVec;
    private LongArrayList fastutil;
    private long[] array;
    private MemorySegment rawSegment;
    private int arraySize;

    @Setup(Level.Trial)
    public void setUp() {
        if (size != OPS) throw new IllegalArgumentException("size must be " + OPS + " (the ops per invocation)");
        shuffled = Shuffle.permutation(size, 7);
        batch = new long[size];
        for (int i = 0; i < size; i++) batch[i] = i;
        global = new GlobalStore();
        arena = new ArenaStore();
        globalVec = StoreVec.ofLongs(global);
        arenaVec = StoreVec.ofLongs(arena);
        fastutil = new LongArrayList();
        rawSegment = java.lang.foreign.Arena.global().allocate(8L * size, 8);
        for (int i = 0; i < size; i++) rawSegment.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, i);
        array = new long[16];
        for (int i = 0; i < size; i++) {
            globalVec.pushLong(i);
            arenaVec.pushLong(i);
            fastutil.add(i);
            arrayPush(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        globalVec.close();
        arenaVec.close();
        global.close();
        arena.close();
    }

    private void arrayPush(long value) {
        if (arraySize == array.length) array = Arrays.copyOf(array, arraySize * 2);
        array[arraySize++] = value;
    }

    // ---- push into a reused buffer ----

    private static long pushAll(StoreVec v, int n) {
        v.clear();
        for (int i = 0; i < n; i++) v.pushLong(i);
        return v.size();
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long pushStoreVecGlobal() { return pushAll(globalVec, size); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long pushStoreVecArena() { return pushAll(arenaVec, size); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long pushFastutil() {
        LongArrayList list = fastutil;
        list.clear();
        for (int i = 0; i < size; i++) list.add(i);
        return list.size();
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long pushArray() {
        arraySize = 0;
        for (int i = 0; i < size; i++) arrayPush(i);
        return arraySize;
    }

    // ---- bulk push of a run of values into a reused buffer ----

    private long[] batch;

    private long pushBulk(StoreVec v) {
        v.clear();
        v.pushLongs(batch, 0, size);
        return v.size();
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long bulkStoreVecGlobal() { return pushBulk(globalVec); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long bulkStoreVecArena() { return pushBulk(arenaVec); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long bulkFastutil() {
        LongArrayList list = fastutil;
        list.clear();
        list.addElements(0, batch, 0, size);
        return list.size();
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long bulkArray() {
        System.arraycopy(batch, 0, array, 0, size);
        arraySize = size;
        return arraySize;
    }

    // ---- grow from empty ----

    private static long growFromEmpty(Store store, int n) {
        try (StoreVec v = StoreVec.ofLongs(store)) {
            for (int i = 0; i < n; i++) v.pushLong(i);
            return v.getLong(n - 1);
        }
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long growStoreVecGlobal() { return growFromEmpty(global, size); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long growStoreVecArena() { return growFromEmpty(arena, size); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long growFastutil() {
        LongArrayList list = new LongArrayList();
        for (int i = 0; i < size; i++) list.add(i);
        return list.getLong(size - 1);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long growArray() {
        long[] a = new long[16];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = i;
        }
        return a[n - 1];
    }

    // ---- random reads ----

    private long getAll(StoreVec v) {
        long sum = 0;
        for (int index : shuffled) sum += v.getLong(index);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getStoreVecGlobal() { return getAll(globalVec); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getStoreVecArena() { return getAll(arenaVec); }

    /**
     * The same reads through one pointer to all elements ({@link StoreVec#elements()}, valid until
     * the vector changes): bounds-checked against the size like {@code getLong}, but the checks'
     * loads are loop-invariant, so C2 hoists them out of the loop.
     */
    private long getAllViaView(StoreVec v) {
        MemorySegment elements = v.elements();
        long sum = 0;
        for (int index : shuffled) sum += elements.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, index);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getViewStoreVecGlobal() { return getAllViaView(globalVec); }

    /**
     * The same reads through {@link StoreVec#longs()}: an int-indexed view whose memory is a final
     * field of exactly the vector's size, so a read is the segment's own bounds check and the load
     * ({@code getLong} checks against a size that may change between calls, then the segment checks
     * again).
     */
    private long getAllViaLongView(StoreVec v) {
        StoreVec.LongView values = v.longs();
        long sum = 0;
        for (int index : shuffled) sum += values.get(index);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getLongViewStoreVecGlobal() { return getAllViaLongView(globalVec); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getLongViewStoreVecArena() { return getAllViaLongView(arenaVec); }

    /** The floor of any off-heap vector: the same reads from one raw native segment (global scope). */
    @Benchmark @OperationsPerInvocation(OPS)
    public long getRawSegment() {
        MemorySegment segment = rawSegment;
        long sum = 0;
        for (int index : shuffled) sum += segment.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, index);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getViewStoreVecArena() { return getAllViaView(arenaVec); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getFastutil() {
        LongArrayList list = fastutil;
        long sum = 0;
        for (int index : shuffled) sum += list.getLong(index);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long getArray() {
        long[] a = array;
        int n = arraySize;
        long sum = 0;
        for (int index : shuffled) {
            if (index >= n) throw new IndexOutOfBoundsException(index); // the same size check the lists make
            sum += a[index];
        }
        return sum;
    }

    // ---- sequential sum ----

    private static long sumAll(StoreVec v) {
        long sum = 0;
        for (long i = 0, n = v.size(); i < n; i++) sum += v.getLong(i);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long sumStoreVecGlobal() { return sumAll(globalVec); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long sumStoreVecArena() { return sumAll(arenaVec); }

    @Benchmark @OperationsPerInvocation(OPS)
    public long sumFastutil() {
        LongArrayList list = fastutil;
        long sum = 0;
        for (int i = 0, n = list.size(); i < n; i++) sum += list.getLong(i);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long sumArray() {
        long[] a = array;
        long sum = 0;
        for (int i = 0, n = arraySize; i < n; i++) sum += a[i];
        return sum;
    }
}
