package dev.stowage.bench;

import java.util.SplittableRandom;

/** Deterministic shuffles and random keys, so every run and every peer sees the same data. */
final class Shuffle {
    private Shuffle() {}

    /** A permutation of 0..n-1. */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** n distinct non-zero random longs. */
    static long[] distinctKeys(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        long[] keys = new long[n];
        for (int i = 0; i < n; ) {
            long k = random.nextLong();
            if (k != 0 && seen.add(k)) keys[i++] = k;
        }
        return keys;
    }
}
