package dev.stowage.corpus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic, store-heavy Java corpus for the checker overhead benchmark: many
 * classes whose methods allocate, resolve, grow, free, loop, branch and use every collection, the way
 * real code over stores does. The code is correct (every pointer is resolved again after what
 * invalidates it), so the checker should report nothing on it.
 *
 * <pre>{@code
 * java -cp <test classpath> dev.stowage.corpus.bench.StoreHeavyCorpusGenerator target/bench/store-heavy 20000
 * }</pre>
 */
public final class StoreHeavyCorpusGenerator {

    private static final long SEED = 20_261_121L;
    private static final String PACKAGE = "bench.storeheavy";

    private StoreHeavyCorpusGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StoreHeavyCorpusGenerator <output folder> <minimum lines>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int minimumLines = Integer.parseInt(args[1]);
        int[] written = generate(out, minimumLines);
        System.out.println("wrote " + written[0] + " files, " + written[1] + " lines under " + out);
    }

    /** Writes files until there are at least {@code minimumLines} lines; returns {files, lines}. */
    public static int[] generate(Path out, int minimumLines) throws IOException {
        Path folder = out.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(folder);
        Random random = new Random(SEED);
        int lines = 0;
        int files = 0;
        while (lines < minimumLines) {
            String name = "StoreHeavy%04d".formatted(files);
            String source = classSource(name, random);
            Files.writeString(folder.resolve(name + ".java"), source);
            lines += (int) source.lines().count();
            files++;
        }
        return new int[] {files, lines};
    }

    private static String classSource(String name, Random random) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        out.append("""
                import static java.lang.foreign.ValueLayout.JAVA_INT;
                import static java.lang.foreign.ValueLayout.JAVA_LONG;

                import dev.stowage.qual.Invalidates;
                import dev.stowage.qual.Invalidates.Effect;
                import dev.stowage.qual.Multiple;
                import dev.stowage.qual.Resolves;
                import dev.stowage.qual.Stable;
                import dev.stowage.store.Store;
                import dev.stowage.store.StoreBox;
                import dev.stowage.store.StoreList;
                import dev.stowage.store.StoreLongMap;
                import dev.stowage.store.StoreVec;
                import java.lang.foreign.MemorySegment;

                """);
        out.append("/** Generated store-heavy code for the checker overhead benchmark. */\n");
        out.append("public final class ").append(name).append(" {\n");
        int methods = 8 + random.nextInt(5);
        List<String> bodies = new ArrayList<>();
        for (int m = 0; m < methods; m++) {
            bodies.add(method(m, random));
        }
        out.append(String.join("\n", bodies));
        out.append("}\n");
        return out.toString();
    }

    private static String method(int index, Random random) {
        int size = 8 * (1 + random.nextInt(8));
        int rounds = 2 + random.nextInt(6);
        long salt = random.nextInt(1000);
        return switch (random.nextInt(10)) {
            case 0 -> """
                        /** Grows a buffer in a loop, resolving it again each round. */
                        @Invalidates("#1")
                        static long growLoop%1$d(@Multiple Store store) {
                            long size = %2$d;
                            long handle = store.allocate(size, 8);
                            long sum = 0;
                            for (int round = 0; round < %3$d; round++) {
                                MemorySegment p = store.resolve(handle, size);
                                p.set(JAVA_LONG, 0, round + %4$dL);
                                sum += p.get(JAVA_LONG, 0);
                                handle = store.grow(handle, size, size * 2, 8);
                                size *= 2;
                            }
                            store.deallocate(handle, size, 8);
                            return sum;
                        }
                    """.formatted(index, size, rounds, salt);
            case 1 -> """
                        /** Keeps pointers of a stable store across allocations. */
                        @Invalidates("#1")
                        static long stableTable%1$d(@Stable @Multiple Store store) {
                            long[] handles = new long[%3$d];
                            handles[0] = store.allocate(%2$d, 8);
                            MemorySegment first = store.resolve(handles[0], %2$d);
                            for (int i = 1; i < handles.length; i++) {
                                handles[i] = store.allocate(%2$d, 8);
                                first.set(JAVA_LONG, 0, first.get(JAVA_LONG, 0) + i);
                            }
                            long total = 0;
                            for (long handle : handles) {
                                total += store.resolve(handle, %2$d).get(JAVA_LONG, 0) ^ %4$dL;
                            }
                            for (long handle : handles) {
                                store.deallocate(handle, %2$d, 8);
                            }
                            return total;
                        }
                    """.formatted(index, size, rounds, salt);
            case 2 -> """
                        /** Pushes values and reads elements back through fresh pointers. */
                        @Invalidates("#1")
                        static long vectorSum%1$d(@Multiple Store store) {
                            try (StoreVec vec = StoreVec.ofLongs(store)) {
                                for (long i = 0; i < %3$d * 4L; i++) {
                                    vec.pushLong(i * %4$dL);
                                }
                                long sum = 0;
                                for (long i = 0; i < vec.size(); i++) {
                                    sum += vec.get(i).get(JAVA_LONG, 0);
                                }
                                vec.truncate(vec.size() / 2);
                                vec.shrinkToFit();
                                return sum + vec.getLong(0);
                            }
                        }
                    """.formatted(index, size, rounds, salt);
            case 3 -> """
                        /** Counts keys in a map, updating values in place through valueRef. */
                        @Invalidates("#1")
                        static long mapCounts%1$d(@Multiple Store store, long[] keys) {
                            try (StoreLongMap counts = StoreLongMap.create(store)) {
                                for (long key : keys) {
                                    if (counts.containsKey(key)) {
                                        MemorySegment slot = counts.valueRef(key);
                                        slot.set(JAVA_LONG, 0, slot.get(JAVA_LONG, 0) + 1);
                                    } else {
                                        counts.put(key, 1);
                                    }
                                }
                                counts.remove(%4$dL);
                                return counts.size() + counts.get(keys.length > 0 ? keys[0] : 0, 0);
                            }
                        }
                    """.formatted(index, size, rounds, salt);
            case 4 -> """
                        /** One boxed counter, used inside its try-with-resources only. */
                        @Invalidates("#1")
                        static long boxed%1$d(@Stable @Multiple Store store) {
                            try (StoreBox box = StoreBox.allocate(store, JAVA_LONG)) {
                                MemorySegment value = box.get();
                                for (int i = 0; i < %3$d; i++) {
                                    value.set(JAVA_LONG, 0, value.get(JAVA_LONG, 0) + %4$dL);
                                }
                                store.allocate(%2$d, 8);
                                return value.get(JAVA_LONG, 0);
                            }
                        }
                    """.formatted(index, size, rounds, salt);
            case 5 -> """
                        /** Branches that grow on one side resolve again on that side. */
                        @Invalidates("#1")
                        static long branchy%1$d(@Multiple Store store, boolean bigger) {
                            long size = %2$d;
                            long handle = store.allocate(size, 8);
                            MemorySegment p = store.resolve(handle, size);
                            p.set(JAVA_INT, 0, %4$d);
                            if (bigger) {
                                handle = store.grow(handle, size, size * 2, 8);
                                size *= 2;
                                p = store.resolve(handle, size);
                            } else {
                                p.set(JAVA_INT, 4, %3$d);
                            }
                            long result = p.get(JAVA_INT, 0);
                            store.deallocate(handle, size, 8);
                            return result;
                        }
                    """.formatted(index, size, rounds, salt);
            case 6 -> """
                        /** A switch over modes, each case leaving a valid pointer behind. */
                        @Invalidates("#1")
                        static long modes%1$d(@Multiple Store store, int mode) {
                            long size = %2$d;
                            long handle = store.allocate(size, 8);
                            MemorySegment p = store.resolve(handle, size);
                            switch (mode %% 3) {
                                case 0 -> p.set(JAVA_LONG, 0, %4$dL);
                                case 1 -> {
                                    handle = store.shrink(handle, size, 8, 8);
                                    size = 8;
                                    p = store.resolve(handle, size);
                                }
                                default -> {
                                    handle = store.grow(handle, size, size + 8, 8);
                                    size += 8;
                                    p = store.resolve(handle, size);
                                }
                            }
                            long value = p.get(JAVA_LONG, 0);
                            store.deallocate(handle, size, 8);
                            return value;
                        }
                    """.formatted(index, size, rounds, salt);
            case 7 -> """
                        /** A linked list used as a queue, reading the front after each change. */
                        @Invalidates("#1")
                        static long queue%1$d(@Stable @Multiple Store store) {
                            try (StoreList queue = StoreList.create(store, JAVA_LONG)) {
                                for (int i = 0; i < %3$d; i++) {
                                    queue.pushBack().set(JAVA_LONG, 0, i + %4$dL);
                                }
                                long sum = 0;
                                while (queue.size() > 1) {
                                    sum += queue.front().get(JAVA_LONG, 0);
                                    queue.popFront();
                                }
                                return sum + queue.back().get(JAVA_LONG, 0);
                            }
                        }
                    """.formatted(index, size, rounds, salt);
            case 8 -> """
                        /** A helper pair with declared contracts, called in the right order. */
                        @Resolves(value = "#1", handle = "#2")
                        static MemorySegment header%1$d(@Multiple Store store, long handle) {
                            return store.resolve(handle, 8);
                        }

                        @Invalidates(value = "#1", effect = Effect.FREE, handle = "#2")
                        static long widen%1$d(@Multiple Store store, long handle, long size) {
                            return store.grow(handle, size, size * 2, 8);
                        }

                        @Invalidates("#1")
                        static long contracts%1$d(@Multiple Store store) {
                            long handle = store.allocate(%2$d, 8);
                            header%1$d(store, handle).set(JAVA_LONG, 0, %4$dL);
                            handle = widen%1$d(store, handle, %2$d);
                            long value = header%1$d(store, handle).get(JAVA_LONG, 0);
                            store.deallocate(handle, %2$d * 2, 8);
                            return value;
                        }
                    """.formatted(index, size, rounds, salt);
            default -> """
                        /** Copies between two allocations, resolving both after the last allocation. */
                        @Invalidates("#1")
                        static void copy%1$d(@Multiple Store store) {
                            long from = store.allocate(%2$d, 8);
                            long to = store.allocate(%2$d, 8);
                            MemorySegment source = store.resolve(from, %2$d);
                            MemorySegment target = store.resolve(to, %2$d);
                            source.fill((byte) %3$d);
                            MemorySegment.copy(source, 0, target, 0, %2$d);
                            target.set(JAVA_LONG, 0, target.get(JAVA_LONG, 0) + %4$dL);
                            store.deallocate(from, %2$d, 8);
                            store.deallocate(to, %2$d, 8);
                        }
                    """.formatted(index, size, rounds, salt);
        };
    }
}
