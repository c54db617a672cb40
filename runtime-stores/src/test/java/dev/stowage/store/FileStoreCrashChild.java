package dev.stowage.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The process {@link FileStoreCrashTest} kills: random operations on a FileStore, forever, with a
 * line on stdout after each durable step (flushed before the next step starts):
 * <pre>
 *   ? &lt;what&gt;                     about to start an operation (not an acknowledgement)
 *   A h size                      allocate returned (the allocation is durable)
 *   W h size seed                 the allocation's bytes hold pattern(seed), and sync returned
 *   F h                           deallocate returned
 *   G old new oldSize newSize     grow returned
 *   B h1 h2 ...                   allocateBulk returned (all of them)
 *   X h1 h2 ...                   deallocateBulk returned (all of them)
 * </pre>
 * Arguments: file, policy (LINEAR, FIRST_FIT, SLAB), seed.
 */
public final class FileStoreCrashChild {

    static final long SLAB_SLOT = 512;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        FileStore.Policy policy = policy(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        try (FileStore store = FileStore.open(file, policy)) {
            List<long[]> live = new ArrayList<>(); // {handle, size}
            for (long[] block : store.checkedBlocks()) {
                if (block[2] == 1) live.add(new long[] {block[0] + 16, block[1]});
            }
            say("ready");
            while (true) {
                int op = random.nextInt(100);
                if (live.size() > 300) op = 50; // keep the heap bounded: free
                if (op < 40 || live.isEmpty()) {
                    long size = size(random, policy);
                    say("? allocate " + size);
                    long h = store.allocate(size, 8);
                    say("A " + h + " " + size);
                    long seed = random.nextLong();
                    writePattern(store.resolve(h, size), seed);
                    store.sync();
                    say("W " + h + " " + size + " " + seed);
                    live.add(new long[] {h, size});
                } else if (op < 65) {
                    long[] victim = live.remove(random.nextInt(live.size()));
                    say("? free " + victim[0]);
                    store.deallocate(victim[0], victim[1], 8);
                    say("F " + victim[0]);
                } else if (op < 80 && policy.kind() != FileStore.Policy.Kind.SLAB) {
                    long[] target = live.get(random.nextInt(live.size()));
                    long newSize = target[1] + 1 + random.nextInt(random.nextInt(10) == 0 ? 300_000 : 3000);
                    say("? grow " + target[0]);
                    long grown = store.grow(target[0], target[1], newSize, 8);
                    say("G " + target[0] + " " + grown + " " + target[1] + " " + newSize);
                    target[0] = grown;
                    target[1] = newSize;
                } else if (op < 90) {
                    int n = 1 + random.nextInt(50);
                    long[] sizes = new long[n];
                    for (int i = 0; i < n; i++) sizes[i] = 8 + random.nextInt(200);
                    say("? bulk-allocate " + n);
                    long[] handles = store.allocateBulk(sizes, 8);
                    StringBuilder line = new StringBuilder("B");
                    for (int i = 0; i < n; i++) {
                        line.append(' ').append(handles[i]);
                        live.add(new long[] {handles[i], sizes[i]});
                    }
                    say(line.toString());
                } else {
                    int n = Math.min(live.size(), 1 + random.nextInt(20));
                    long[] handles = new long[n];
                    long[] sizes = new long[n];
                    StringBuilder line = new StringBuilder("X bulk-free");
                    for (int i = 0; i < n; i++) {
                        long[] victim = live.remove(random.nextInt(live.size()));
                        handles[i] = victim[0];
                        sizes[i] = victim[1];
                        line.append(' ').append(victim[0]);
                    }
                    say("?" + line.substring(1)); // "? bulk-free h1 h2 ..."
                    store.deallocateBulk(handles, sizes, 8);
                    say("X" + line.substring("X bulk-free".length()));
                }
            }
        }
    }

    static FileStore.Policy policy(String name) {
        return switch (name) {
            case "LINEAR" -> FileStore.Policy.linear();
            case "SLAB" -> FileStore.Policy.slab(SLAB_SLOT);
            default -> FileStore.Policy.firstFit();
        };
    }

    private static long size(Random random, FileStore.Policy policy) {
        if (policy.kind() == FileStore.Policy.Kind.SLAB) return 8 + random.nextInt((int) SLAB_SLOT - 8);
        return random.nextInt(20) == 0 ? 100_000 + random.nextInt(400_000) : 8 + random.nextInt(4000);
    }

    /** The bytes an allocation holds after its "W" line: a function of the seed and the index. */
    static byte patternByte(long seed, long i) {
        return (byte) (seed * 31 + i * 7 + (i >>> 8));
    }

    private static void writePattern(MemorySegment region, long seed) {
        byte[] bytes = new byte[(int) region.byteSize()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = patternByte(seed, i);
        MemorySegment.copy(bytes, 0, region, ValueLayout.JAVA_BYTE, 0, bytes.length);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
