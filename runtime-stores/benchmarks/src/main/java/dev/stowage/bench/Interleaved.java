package dev.stowage.bench;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Times two benchmark methods of one JMH benchmark class <em>alternately</em> in one JVM and prints
 * the median ratio of their times: a cross-check of the JMH ratios that survives a shared, loaded
 * machine. JMH runs a benchmark and its peer minutes apart, so a change in the machine's load
 * between them skews their ratio; here each round times {@code a} and then {@code b} (the order
 * alternates) for about 0.1 ms each, short enough that most rounds are not preempted on a busy
 * machine, and the median over many rounds drops the rounds that were.
 *
 * <p>The methods are the {@code @Benchmark} methods themselves, on a state set up as JMH would
 * ({@code @Param} fields at their first value, {@code @Setup(Level.Trial)} methods run): the same
 * work as in the JMH run. Each pair runs in a fresh JVM (RuntimeReport starts one per pair), so the
 * type profiles see only the two methods compared.
 *
 * <pre>
 * java -cp benchmarks.jar dev.stowage.bench.Interleaved VecBenchmark pushStoreVecGlobal pushFastutil
 * ratio 1.083 1.071 1.097        (median, 25th and 75th percentile of time(a) / time(b))
 * </pre>
 */
public final class Interleaved {

    private static final long ROUND_NANOS = 100_000;
    private static final int ROUNDS = 1001;
    private static volatile long sink;

    private Interleaved() {}

    public static void main(String[] args) throws Throwable {
        if (args.length != 3) {
            System.err.println("usage: Interleaved <BenchmarkClass> <methodA> <methodB>");
            System.exit(2);
        }
        Class<?> type = Class.forName("dev.stowage.bench." + args[0]);
        Object state = type.getConstructor().newInstance();
        for (Field field : type.getFields()) {
            Param param = field.getAnnotation(Param.class);
            if (param != null && param.value().length > 0) {
                field.set(state, convert(field.getType(), param.value()[0]));
            }
        }
        for (Method method : type.getMethods()) {
            Setup setup = method.getAnnotation(Setup.class);
            if (setup != null && setup.value() == Level.Trial) method.invoke(state);
        }
        LongSupplier a = bind(type, state, args[1]);
        LongSupplier b = bind(type, state, args[2]);
        try {
            // Warm-up: both methods, alternating, until both are compiled and steady (about 3 s).
            long warmEnd = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                call(state, a, 20);
                call(state, b, 20);
            }
            int callsA = calls(state, a);
            int callsB = calls(state, b);
            double[] ratios = new double[ROUNDS];
            double[] nanosA = new double[ROUNDS];
            double[] nanosB = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long timeA;
                long timeB;
                if ((round & 1) == 0) {
                    timeA = call(state, a, callsA);
                    timeB = call(state, b, callsB);
                } else {
                    timeB = call(state, b, callsB);
                    timeA = call(state, a, callsA);
                }
                nanosA[round] = (double) timeA / callsA;
                nanosB[round] = (double) timeB / callsB;
                ratios[round] = nanosA[round] / nanosB[round];
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "ratio %.4f %.4f %.4f%n",
                    ratios[ROUNDS / 2], ratios[ROUNDS / 4], ratios[3 * ROUNDS / 4]);
            // The medians of each method's own time per call: a ratio alone cannot say which side moved.
            Arrays.sort(nanosA);
            Arrays.sort(nanosB);
            System.out.printf(Locale.ROOT, "ns/call %.1f %.1f%n", nanosA[ROUNDS / 2], nanosB[ROUNDS / 2]);
        } finally {
            for (Method method : type.getMethods()) {
                TearDown tearDown = method.getAnnotation(TearDown.class);
                if (tearDown != null && tearDown.value() == Level.Trial) method.invoke(state);
            }
        }
    }

    /** How many calls take about {@link #ROUND_NANOS}. */
    /**
     * A direct call of {@code state.name()} as a {@code LongSupplier} (a lambda, not reflection, so
     * the JIT compiles and inlines it as it would a direct call).
     */
    private static LongSupplier bind(Class<?> type, Object state, String name) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle target = lookup.findVirtual(type, name, MethodType.methodType(long.class));
        CallSite site = LambdaMetafactory.metafactory(lookup, "getAsLong", MethodType.methodType(LongSupplier.class, type),
                MethodType.methodType(long.class), target, MethodType.methodType(long.class));
        return (LongSupplier) site.getTarget().invoke(state);
    }

    private static int calls(Object state, LongSupplier method) throws Throwable {
        long time = call(state, method, 20);
        return (int) Math.max(1, Math.min(1_000_000, ROUND_NANOS * 20 / Math.max(1, time)));
    }

    private static long call(Object state, LongSupplier method, int times) {
        long sum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) sum += method.getAsLong();
        long elapsed = System.nanoTime() - start;
        sink += sum;
        return elapsed;
    }

    private static Object convert(Class<?> type, String value) {
        if (type == int.class) return Integer.parseInt(value);
        if (type == long.class) return Long.parseLong(value);
        if (type == boolean.class) return Boolean.parseBoolean(value);
        return value;
    }
}
