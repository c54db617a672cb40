package dev.stowage.bench;

import dev.stowage.store.ArenaStore;
import dev.stowage.store.GlobalStore;
import dev.stowage.store.Store;
import dev.stowage.store.StoreLongMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.HashMap;
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
 * {@code StoreLongMap} against fastutil's {@code Long2LongOpenHashMap} and {@code HashMap<Long, Long>},
 * on {@value #KEYS} random non-zero keys. One operation is one key handled:
 * <ul>
 *   <li>{@code put*}: clear (the table stays), then put every key;</li>
 *   <li>{@code get*}: look up {@value #KEYS} keys, half present and half absent, shuffled;</li>
 *   <li>{@code putRemove*}: put every key into the cleared map, then remove every key (two
 *       operations per key).</li>
 * </ul>
 * Both open-addressing maps use a load factor of 3/4 and every map is sized for {@value #KEYS} keys
 * up front, so no resize is measured; {@code StoreLongMap} runs over {@code GlobalStore} and
 * {@code ArenaStore}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class MapBenchmark {

    static final int KEYS = 4096;

    private long[] keys;
    private long[] lookups;
    private Store global;
    private Store arena;
    private StoreLongMap globalMap;
    private StoreLongMap arenaMap;
    private Long2LongOpenHashMap fastutil;
    private HashMap<Long, Long> hashMap;

    @Setup(Level.Trial)
    public void setUp() {
        long[] all = Shuffle.distinctKeys(2 * KEYS, 11);
        keys = java.util.Arrays.copyOf(all, KEYS);
        lookups = new long[KEYS];
        int[] order = Shuffle.permutation(2 * KEYS, 13);
        for (int i = 0; i < KEYS; i++) lookups[i] = all[order[i]]; // about half present
        global = new GlobalStore();
        arena = new ArenaStore();
        // Every map is sized for KEYS up front: no benchmark measures a resize (fastutil would otherwise
        // shrink its table as keys are removed and grow it again on the next puts).
        globalMap = StoreLongMap.create(global);
        globalMap.reserve(KEYS);
        arenaMap = StoreLongMap.create(arena);
        arenaMap.reserve(KEYS);
        fastutil = new Long2LongOpenHashMap(KEYS);
        hashMap = HashMap.newHashMap(KEYS);
        for (int i = 0; i < KEYS; i++) {
            globalMap.put(keys[i], i);
            arenaMap.put(keys[i], i);
            fastutil.put(keys[i], i);
            hashMap.put(keys[i], (long) i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        globalMap.close();
        arenaMap.close();
        global.close();
        arena.close();
    }

    // ---- put into a cleared map ----

    private long putAll(StoreLongMap map) {
        map.clear();
        long[] ks = keys;
        for (int i = 0; i < ks.length; i++) map.put(ks[i], i);
        return map.size();
    }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long putStoreMapGlobal() { return putAll(globalMap); }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long putStoreMapArena() { return putAll(arenaMap); }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long putFastutil() {
        Long2LongOpenHashMap map = fastutil;
        map.clear();
        long[] ks = keys;
        for (int i = 0; i < ks.length; i++) map.put(ks[i], i);
        return map.size();
    }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long putHashMap() {
        HashMap<Long, Long> map = hashMap;
        map.clear();
        long[] ks = keys;
        for (int i = 0; i < ks.length; i++) map.put(ks[i], (long) i);
        return map.size();
    }

    // ---- lookups, half of them misses ----

    private long getAll(StoreLongMap map) {
        long sum = 0;
        for (long k : lookups) sum += map.get(k, -1);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long getStoreMapGlobal() { return getAll(globalMap); }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long getStoreMapArena() { return getAll(arenaMap); }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long getFastutil() {
        Long2LongOpenHashMap map = fastutil;
        long sum = 0;
        for (long k : lookups) sum += map.getOrDefault(k, -1);
        return sum;
    }

    @Benchmark @OperationsPerInvocation(KEYS)
    public long getHashMap() {
        HashMap<Long, Long> map = hashMap;
        long sum = 0;
        for (long k : lookups) sum += map.getOrDefault(k, -1L);
        return sum;
    }

    // ---- put then remove every key ----

    private long putRemoveAll(StoreLongMap map) {
        map.clear();
        long[] ks = keys;
        for (int i = 0; i < ks.length; i++) map.put(ks[i], i);
        for (long k : ks) map.remove(k);
        return map.size();
    }

    @Benchmark @OperationsPerInvocation(2 * KEYS)
    public long putRemoveStoreMapGlobal() { return putRemoveAll(globalMap); }

    @Benchmark @OperationsPerInvocation(2 * KEYS)
    public long putRemoveStoreMapArena() { return putRemoveAll(arenaMap); }

    @Benchmark @OperationsPerInvocation(2 * KEYS)
    public long putRemoveFastutil() {
        Long2LongOpenHashMap map = fastutil;
        map.clear();
        long[] ks = keys;
        for (int i = 0; i < ks.length; i++) map.put(ks[i], i);
        for (long k : ks) map.remove(k);
        return map.size();
    }

    @Benchmark @OperationsPerInvocation(2 * KEYS)
    public long putRemoveHashMap() {
        HashMap<Long, Long> map = hashMap;
        map.clear();
        long[] ks = keys;
        for (int i = 0; i < ks.length; i++) map.put(ks[i], (long) i);
        for (long k : ks) map.remove(k);
        return map.size();
    }
}
