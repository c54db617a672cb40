package dev.stowage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the runtime benchmarks and writes their results, each as a ratio to its peer measured in
 * the same run, into the runtime section of a Markdown file (between
 * {@code <!-- runtime:begin -->} and {@code <!-- runtime:end -->}; the rest of the file is kept).
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar dev.stowage.bench.RuntimeReport \
 *      [--quick] [--out docs/benchmarks.md] [--command "scripts/bench-runtime.sh"] [regex]
 * </pre>
 * {@code --quick} is a smoke check: one short iteration per benchmark, in this JVM, numbers not
 * meaningful. Without {@code --out} the section is printed only.
 */
public final class RuntimeReport {

    static final String BEGIN = "<!-- runtime:begin -->";
    static final String END = "<!-- runtime:end -->";

    private RuntimeReport() {}

    /** How a row compares with its peer. */
    enum Goal { FASTER_BY, WITHIN, NONE }

    record Row(String benchmark, String peer, Goal goal, double target, String label) {}

    record Group(String title, String what, List<Row> rows) {}

    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        String alloc = "AllocFreeBenchmark.";
        groups.add(new Group("Allocate + free of 64-byte blocks",
                "one op = allocate, write a long, read it, free; batches of 256 live blocks, freed newest first; peer: Netty `PooledByteBufAllocator` direct buffers",
                List.of(
                        new Row(alloc + "slabStore", alloc + "nettyPooledDirect", Goal.FASTER_BY, 2.0, "SlabStore"),
                        new Row(alloc + "arenaStore", alloc + "nettyPooledDirect", Goal.NONE, 0, "ArenaStore"),
                        new Row(alloc + "globalStore", alloc + "nettyPooledDirect", Goal.NONE, 0, "GlobalStore (malloc/free)"),
                        new Row(alloc + "confinedArenaPerAllocation", alloc + "nettyPooledDirect", Goal.NONE, 0, "`Arena.ofConfined()` per block"),
                        new Row(alloc + "slicingAllocator", alloc + "nettyPooledDirect", Goal.NONE, 0, "JDK slicing allocator over one segment"),
                        new Row(alloc + "nettyPooledDirect", alloc + "nettyPooledDirect", Goal.NONE, 0, "Netty pooled direct (peer)"))));
        String resolve = "ResolveBenchmark.";
        List<Row> resolveRows = new ArrayList<>();
        for (String[] store : new String[][] {
                {"globalStore", "GlobalStore"}, {"arenaStore", "ArenaStore"}, {"slabStore", "SlabStore"},
                {"growableStore", "GrowableStore"}, {"sharedArenaStore", "SharedArenaStore"}, {"smallStore", "SmallStore (inline part)"},
                {"inlineStore", "InlineStore"}}) {
            String peer = store[0].equals("smallStore") || store[0].equals("inlineStore") ? "rawHeapOneSlot" : "rawSegment";
            resolveRows.add(new Row(resolve + store[0], resolve + peer, Goal.WITHIN, 1.2, store[1] + (peer.equals("rawSegment") ? "" : " (peer: one heap long)")));
        }
        resolveRows.add(new Row(resolve + "checkedArenaStore", resolve + "rawSegment", Goal.NONE, 0, "CheckedStore(ArenaStore), debug"));
        resolveRows.add(new Row(resolve + "rawSegment", resolve + "rawSegment", Goal.NONE, 0, "raw `MemorySegment` (peer)"));
        resolveRows.add(new Row(resolve + "rawHeapOneSlot", resolve + "rawHeapOneSlot", Goal.NONE, 0, "raw heap segment, one long (peer of the inline stores)"));
        groups.add(new Group("Resolve + read + write of a long",
                "one op = resolve a handle, read the long, write it back incremented; 1,024 allocations in shuffled order; peer: the same access at offsets into one raw native segment",
                resolveRows));
        String vec = "VecBenchmark.";
        List<Row> vecRows = new ArrayList<>();
        for (String[] op : new String[][] {{"push", "push (reused capacity)"}, {"bulk", "bulk push of a long[] (reused capacity)"}, {"grow", "push from empty (with growth and free)"},
                {"get", "get at shuffled indexes"}, {"sum", "sequential sum"}}) {
            vecRows.add(new Row(vec + op[0] + "StoreVecGlobal", vec + op[0] + "Fastutil", Goal.WITHIN, 1.2, op[1] + ": StoreVec / GlobalStore"));
            vecRows.add(new Row(vec + op[0] + "StoreVecArena", vec + op[0] + "Fastutil", Goal.WITHIN, 1.2, op[1] + ": StoreVec / ArenaStore"));
            if (op[0].equals("get")) {
                // The API shape for random reads in a loop (issue 15): a view whose checks C2 can hoist.
                vecRows.add(new Row(vec + "getLongViewStoreVecGlobal", vec + "getFastutil", Goal.WITHIN, 1.2, op[1] + " through `longs()`: StoreVec / GlobalStore"));
                vecRows.add(new Row(vec + "getLongViewStoreVecArena", vec + "getFastutil", Goal.WITHIN, 1.2, op[1] + " through `longs()`: StoreVec / ArenaStore"));
            }
            vecRows.add(new Row(vec + op[0] + "Array", vec + op[0] + "Fastutil", Goal.NONE, 0, op[1] + ": `long[]`"));
            vecRows.add(new Row(vec + op[0] + "Fastutil", vec + op[0] + "Fastutil", Goal.NONE, 0, op[1] + ": fastutil `LongArrayList` (peer)"));
        }
        groups.add(new Group("StoreVec of longs", "4,096 elements; one op = one element pushed or read; peer: fastutil `LongArrayList`", vecRows));
        String map = "MapBenchmark.";
        List<Row> mapRows = new ArrayList<>();
        for (String[] op : new String[][] {{"put", "put into a cleared map"}, {"get", "get, half misses"}, {"putRemove", "put then remove every key"}}) {
            mapRows.add(new Row(map + op[0] + "StoreMapGlobal", map + op[0] + "Fastutil", Goal.WITHIN, 1.2, op[1] + ": StoreLongMap / GlobalStore"));
            mapRows.add(new Row(map + op[0] + "StoreMapArena", map + op[0] + "Fastutil", Goal.WITHIN, 1.2, op[1] + ": StoreLongMap / ArenaStore"));
            mapRows.add(new Row(map + op[0] + "HashMap", map + op[0] + "Fastutil", Goal.NONE, 0, op[1] + ": `HashMap<Long, Long>`"));
            mapRows.add(new Row(map + op[0] + "Fastutil", map + op[0] + "Fastutil", Goal.NONE, 0, op[1] + ": fastutil `Long2LongOpenHashMap` (peer)"));
        }
        groups.add(new Group("StoreLongMap", "4,096 random non-zero keys; one op = one key put, looked up or removed; peer: fastutil `Long2LongOpenHashMap`", mapRows));
        return groups;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = null;
        String command = "RuntimeReport";
        String include = "dev\\.stowage\\.bench\\..*Benchmark\\..*";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                default -> include = args[i];
            }
        }
        if (quick) {
            System.setProperty("jmh.ignoreLock", "true"); // a smoke check may overlap another run
        } else {
            waitForOtherBenchmarks();
        }
        String loadBefore = loadAverage();
        ChainedOptionsBuilder options = new OptionsBuilder().include(include).shouldFailOnError(true);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Result<?>> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result.getPrimaryResult());
        }
        Map<String, double[]> interleaved = new LinkedHashMap<>();
        if (!quick) {
            for (Group group : groups()) {
                for (Row row : group.rows()) {
                    if (row.goal() == Goal.NONE || !scores.containsKey(row.benchmark()) || !scores.containsKey(row.peer())) continue;
                    double[] ratio = interleave(row.benchmark(), row.peer());
                    if (ratio != null) interleaved.put(row.benchmark(), ratio);
                }
            }
        }
        String section = render(scores, interleaved, quick, command, loadBefore, loadAverage());
        System.out.println(section);
        if (out != null) {
            write(out, section);
            System.out.println("wrote the runtime section of " + out);
        }
    }

    static String render(Map<String, Result<?>> scores, Map<String, double[]> interleaved, boolean quick, String command,
            String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## Runtime (JMH)\n\n");
        if (quick) md.append("**Quick mode: a smoke check, one 100 ms iteration without warm-up; the numbers mean nothing.**\n\n");
        md.append("- Command: `").append(command).append("`\n");
        md.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append('\n');
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (`nproc`), ")
                .append(cpuModel()).append(", ").append(memory()).append(" memory; JDK ")
                .append(System.getProperty("java.vm.vendor")).append(' ').append(System.getProperty("java.vm.version")).append('\n');
        md.append("- Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append(". The machine is shared with other builds, so absolute numbers are noisy; every ratio compares two")
                .append(" benchmarks of the same run.\n");
        md.append("- JMH ").append(quick ? "0 warm-up, 1 × 100 ms, no fork" : "1 fork per benchmark, 3 × 1 s warm-up, 5 × 1 s measurement")
                .append("; throughput in operations per µs (higher is better), ± the 99.9% confidence interval.\n");
        if (!quick) {
            md.append("- *Interleaved*: each benchmark that has a target is also timed against its peer in one JVM, alternating")
                    .append(" every ~0.1 ms for 1,001 rounds after 3 s of warm-up (`dev.stowage.bench.Interleaved`, the same `@Benchmark`")
                    .append(" methods); the column gives the median, and in brackets the 25th–75th percentiles, of the speed relative to the peer. On a loaded, shared")
                    .append(" machine the JMH runs of a benchmark and its peer are minutes apart and see different loads, so the")
                    .append(" verdict uses the interleaved median where there is one.\n");
        }
        md.append('\n');
        int met = 0;
        int missed = 0;
        for (Group group : groups()) {
            md.append("### ").append(group.title()).append("\n\n").append(group.what()).append(".\n\n");
            md.append("| benchmark | JMH ops/µs | JMH vs peer | interleaved vs peer | target | met |\n| --- | ---: | --- | --- | --- | --- |\n");
            for (Row row : group.rows()) {
                Result<?> result = scores.get(row.benchmark());
                Result<?> peer = scores.get(row.peer());
                if (result == null) {
                    md.append("| ").append(row.label()).append(" | not run | | | ").append(targetText(row)).append(" | |\n");
                    continue;
                }
                md.append("| ").append(row.label()).append(" | ").append(format(result.getScore()));
                if (!Double.isNaN(result.getScoreError())) md.append(" ± ").append(format(result.getScoreError()));
                md.append(" | ");
                String verdict = "";
                if (peer != null && !row.benchmark().equals(row.peer())) {
                    double speed = result.getScore() / peer.getScore();
                    md.append(relative(speed)).append(" | ");
                    double[] alternating = interleaved.get(row.benchmark());
                    if (alternating != null) {
                        // time ratio -> speed relative to the peer
                        md.append(relative(1 / alternating[0])).append(String.format(Locale.ROOT, " (speed %.2f–%.2f× of peer)",
                                1 / alternating[2], 1 / alternating[1]));
                        speed = 1 / alternating[0];
                    }
                    if (row.goal() == Goal.FASTER_BY) {
                        boolean ok = speed >= row.target();
                        verdict = ok ? "yes" : String.format(Locale.ROOT, "**no** (%.0f%% short)", 100 * (1 - speed / row.target()));
                        if (ok) met++; else missed++;
                    } else if (row.goal() == Goal.WITHIN) {
                        double slowdown = 1 / speed;
                        boolean ok = slowdown <= row.target();
                        verdict = ok ? "yes" : String.format(Locale.ROOT, "**no** (%.2f× vs %.1f×)", slowdown, row.target());
                        if (ok) met++; else missed++;
                    }
                } else {
                    md.append(" | ");
                }
                md.append(" | ").append(targetText(row)).append(" | ").append(verdict).append(" |\n");
            }
            md.append('\n');
        }
        md.append("Targets met: ").append(met).append(", missed: ").append(missed).append(".\n");
        md.append(END).append('\n');
        return md.toString();
    }

    static String relative(double speed) {
        return speed >= 1 ? String.format(Locale.ROOT, "%.2f× faster", speed) : String.format(Locale.ROOT, "%.2f× slower", 1 / speed);
    }

    /**
     * Runs {@link Interleaved} for a benchmark and its peer in a fresh JVM; null if it fails.
     *
     * @return the median, 25th and 75th percentile of time(benchmark) / time(peer)
     */
    static double[] interleave(String benchmark, String peer) throws IOException, InterruptedException {
        String type = benchmark.substring(0, benchmark.indexOf('.'));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dio.netty.leakDetection.level=disabled",
                "-cp", System.getProperty("java.class.path"), Interleaved.class.getName(),
                type, benchmark.substring(type.length() + 1), peer.substring(type.length() + 1)));
        System.err.println("interleaved: " + benchmark + " vs " + peer);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            System.err.println("interleaved run failed:\n" + output);
            return null;
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("ratio ")) {
                String[] parts = line.trim().split("\\s+");
                return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3])};
            }
        }
        System.err.println("interleaved run printed no ratio:\n" + output);
        return null;
    }

    static String targetText(Row row) {
        return switch (row.goal()) {
            case FASTER_BY -> String.format(Locale.ROOT, "≥ %.0f× peer", row.target());
            case WITHIN -> String.format(Locale.ROOT, "within %.1f× of peer", row.target());
            case NONE -> "";
        };
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Replaces the runtime section of {@code file}, or appends it; the rest of the file is kept. */
    static void write(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin >= 0 && end > begin) {
            text = text.substring(0, begin) + section + text.substring(end + END.length() + (text.startsWith("\n", end + END.length()) ? 1 : 0));
        } else {
            text = text + (text.endsWith("\n\n") ? "" : "\n") + section;
        }
        Files.writeString(file, text);
    }

    /**
     * JMH refuses to start while another JMH run holds its lock file; on a shared machine that is
     * usually a colleague's benchmark, and overlapping would spoil both. Wait for it (up to 15 min).
     */
    static void waitForOtherBenchmarks() throws IOException, InterruptedException {
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(15);
        boolean told = false;
        while (true) {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock held = channel.tryLock()) {
                if (held != null) return;
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // held inside this JVM: cannot happen here, treat as busy
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("another JMH run has held " + lock + " for 15 minutes; try again later");
            }
            if (!told) {
                System.err.println("another JMH run holds " + lock + "; waiting for it to finish...");
                told = true;
            }
            Thread.sleep(5_000);
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%.1f GiB max heap", Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
