package dev.stowage.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The durable-write comparison of {@link FileStoreDurableBenchmark}, interleaved: each round times
 * one call of every variant, in a rotating order, so all of them see the same disk and the same
 * load (on a shared machine an {@code fdatasync} varies by 10× from one second to the next, which
 * makes JMH's one-after-the-other runs of millisecond operations incomparable). Prints, per size,
 * the median time of each variant and the median over rounds of its time divided by the floor's
 * ({@code floorOverwriteForce}) in the same round.
 *
 * <pre>
 * java -cp benchmarks.jar dev.stowage.bench.FileStoreDurableReport [rounds per size, default 300]
 * </pre>
 */
public final class FileStoreDurableReport {

    private static final String[] VARIANTS = {"floorOverwriteForce", "floorAppendForce", "fileStoreAllocateDurable",
            "fileStoreAllocateWriteSync", "mvStorePutCommitSync"};

    private FileStoreDurableReport() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        for (int size : new int[] {64, 512, 4096}) {
            FileStoreDurableBenchmark state = new FileStoreDurableBenchmark();
            state.size = size;
            state.setUp();
            try {
                for (int warm = 0; warm < 30; warm++) {
                    for (int v = 0; v < VARIANTS.length; v++) call(state, v);
                }
                long[][] nanos = new long[VARIANTS.length][rounds];
                for (int round = 0; round < rounds; round++) {
                    for (int k = 0; k < VARIANTS.length; k++) {
                        int v = (k + round) % VARIANTS.length;
                        long start = System.nanoTime();
                        call(state, v);
                        nanos[v][round] = System.nanoTime() - start;
                    }
                }
                System.out.printf(Locale.ROOT, "size %d B, %d interleaved rounds:%n", size, rounds);
                for (int v = 0; v < VARIANTS.length; v++) {
                    double[] ratio = new double[rounds];
                    for (int r = 0; r < rounds; r++) ratio[r] = (double) nanos[v][r] / nanos[0][r];
                    Arrays.sort(ratio);
                    long[] sorted = nanos[v].clone();
                    Arrays.sort(sorted);
                    System.out.printf(Locale.ROOT, "  %-28s median %8.1f us (p25 %8.1f, p75 %8.1f)   vs floor: median ratio %.2f (p25 %.2f, p75 %.2f)%n",
                            VARIANTS[v], sorted[rounds / 2] / 1e3, sorted[rounds / 4] / 1e3, sorted[3 * rounds / 4] / 1e3,
                            ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
                }
            } finally {
                state.tearDown();
            }
        }
    }

    private static void call(FileStoreDurableBenchmark state, int variant) throws Exception {
        switch (variant) {
            case 0 -> state.floorOverwriteForce();
            case 1 -> state.floorAppendForce();
            case 2 -> state.fileStoreAllocateDurable();
            case 3 -> state.fileStoreAllocateWriteSync();
            default -> state.mvStorePutCommitSync();
        }
    }
}
