package dev.stowage.corpus.bench;

import dev.stowage.checker.StowageChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Checker overhead: javac with and without the Stowage checker on the same sources, in the
 * same JVM, runs alternating (plain, checked, checked, plain, …) after one warm-up pair; reports the
 * medians and their ratio, and the diagnostics the checker added.
 *
 * <p>Both runs are full compilations writing class files; the checked run adds the
 * {@link StowageChecker} processor instance (its classes loaded once, as in a build daemon or the
 * language server), the plain run passes {@code -proc:none}.
 *
 * <pre>{@code
 * java <jdk.compiler --add-exports/--add-opens> -cp <test classpath> dev.stowage.corpus.bench.CheckerOverheadBenchmark \
 *     --reps 5 --doc docs/benchmarks.md --command "scripts/bench-checker.sh" \
 *     --set "store-free|Guava 33.4.8 (com.google.common.*) sources|1.3|target/bench/guava-src|<classpath>" \
 *     --set "store-heavy|generated store-heavy corpus|2.0|target/bench/store-heavy|<classpath>"
 * }</pre>
 */
public final class CheckerOverheadBenchmark {

    /** One source set: its kind, description, target ratio, folder and compile classpath. */
    record SourceSet(String kind, String description, double target, Path folder, String classpath) {}

    /** What was measured on one source set. */
    record Result(SourceSet set, int files, long lines, List<Long> plainMillis, List<Long> checkedMillis,
            List<Long> plainCpuMillis, List<Long> checkedCpuMillis,
            int plainErrors, int checkedErrors, int checkerDiagnostics, List<String> sampleDiagnostics) {

        /** The ratio of the medians of process CPU time: what the checker costs, whatever else runs on the machine. */
        double ratio() {
            return median(checkedCpuMillis) / median(plainCpuMillis);
        }

        /** The ratio of the medians of wall time, as a user waits; noisy on a shared machine. */
        double wallRatio() {
            return median(checkedMillis) / median(plainMillis);
        }

        /** The ratio is within the target, the checker did not fail, and it reported nothing on store-free code. */
        boolean met() {
            boolean toolError = sampleDiagnostics.stream().anyMatch(d -> d.startsWith("?:"));
            return ratio() <= set.target() && !toolError && (!set.kind().equals("store-free") || checkerDiagnostics == 0);
        }
    }

    private CheckerOverheadBenchmark() {}

    public static void main(String[] args) throws IOException {
        int reps = 5;
        int warmup = 3;
        Path doc = null;
        String command = "scripts/bench-checker.sh";
        List<SourceSet> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--doc" -> doc = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--set" -> {
                    String[] parts = args[++i].split("\\|", 5);
                    if (parts.length != 5) {
                        throw new IllegalArgumentException("--set takes kind|description|target|folder|classpath, got: " + args[i]);
                    }
                    sets.add(new SourceSet(parts[0], parts[1], Double.parseDouble(parts[2]), Path.of(parts[3]), parts[4]));
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (sets.isEmpty()) throw new IllegalArgumentException("no --set given");
        List<Result> results = new ArrayList<>();
        for (SourceSet set : sets) {
            results.add(measure(set, warmup, reps));
        }
        String section = report(results, warmup, reps, command);
        System.out.println(section);
        if (doc != null) writeSection(doc, section);
    }

    static Result measure(SourceSet set, int warmup, int reps) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(set.folder())) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("module-info.java")
                    && !p.getFileName().toString().equals("package-info.java")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no Java sources under " + set.folder());
        long lines = 0;
        for (Path file : files) {
            try (Stream<String> l = Files.lines(file)) {
                lines += l.count();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d files, %d lines; %d warm-up pairs + %d measured pairs%n", set.kind(), files.size(), lines, warmup, reps);
        // Both runs get the same classpath: the set's own plus what the checker needs to see (as the engine adds it).
        String classpath = withCheckerClasspath(set.classpath());
        List<Long> plain = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        List<Long> plainCpu = new ArrayList<>();
        List<Long> checkedCpu = new ArrayList<>();
        Compilation lastPlain = null;
        Compilation lastChecked = null;
        for (int rep = 1 - warmup; rep <= reps; rep++) {
            // Alternate which run goes first in a pair, so neither always inherits the other's JIT and GC state.
            if (Math.floorMod(rep, 2) == 0) {
                lastPlain = compile(files, classpath, false);
                lastChecked = compile(files, classpath, true);
            } else {
                lastChecked = compile(files, classpath, true);
                lastPlain = compile(files, classpath, false);
            }
            System.out.printf(Locale.ROOT, "  %s pair %d: plain %d ms (cpu %d ms), checked %d ms (cpu %d ms)%n",
                    rep <= 0 ? "warm-up" : "measured", rep, lastPlain.millis(), lastPlain.cpuMillis(), lastChecked.millis(),
                    lastChecked.cpuMillis());
            if (rep > 0) {
                plain.add(lastPlain.millis());
                checked.add(lastChecked.millis());
                plainCpu.add(lastPlain.cpuMillis());
                checkedCpu.add(lastChecked.cpuMillis());
            }
        }
        List<String> plainMessages = lastPlain.messages();
        List<String> added = lastChecked.messages().stream().filter(m -> !plainMessages.contains(m)).toList();
        return new Result(set, files.size(), lines, plain, checked, plainCpu, checkedCpu, lastPlain.errors(), lastChecked.errors(), added.size(),
                added.stream().limit(5).toList());
    }

    record Compilation(long millis, long cpuMillis, int errors, List<String> messages) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The classpath plus the jars javac needs to run the checker: the qualifiers, the checker, the framework's. */
    static String withCheckerClasspath(String classpath) {
        List<String> entries = new ArrayList<>();
        if (!classpath.isBlank()) entries.add(classpath);
        for (Class<?> c : List.of(dev.stowage.qual.Invalidates.class, StowageChecker.class,
                org.checkerframework.framework.qual.SubtypeOf.class, org.checkerframework.dataflow.qual.Deterministic.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException("cannot locate " + c, e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries.stream().distinct().toList());
    }

    private static Compilation compile(List<Path> files, String classpath, boolean withChecker) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("stowage-bench-");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath, "--release", "25",
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-implicit:none", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000"));
            if (!withChecker) options.add("-proc:none");
            JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            if (withChecker) task.setProcessors(List.<Processor>of(new StowageChecker()));
            System.gc(); // start each run with a clean heap, so one run's garbage is not the next one's cost
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            task.call();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (OS.getProcessCpuTime() - cpuStart) / 1_000_000;
            List<String> messages = new ArrayList<>();
            int errors = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) errors++;
                if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                    messages.add((d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName()) + ":"
                            + d.getLineNumber() + ": " + d.getKind() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            return new Compilation(millis, cpuMillis, errors, messages);
        } finally {
            deleteTree(out);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static String report(List<Result> results, int warmup, int reps, String command) {
        StringBuilder out = new StringBuilder();
        out.append("## Checker overhead\n\n");
        out.append("Command: `").append(command).append("`  \n");
        out.append("Date: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16))
                .append(" UTC  \n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB, ")
                .append(ManagementFactory.getOperatingSystemMXBean().getName()).append(" ")
                .append(ManagementFactory.getOperatingSystemMXBean().getArch())
                .append(" — shared with other builds during this session, so absolute times are noisy; the ratio is the number that matters  \n");
        out.append("Method: in one JVM, javac (`javax.tools`, full compilation to class files, `--release 25`) on each source set,")
                .append(" plain (`-proc:none`) and with `StowageChecker` as processor, alternating (which goes first alternates too), ")
                .append(warmup).append(" warm-up pairs (the checker's code needs them to reach steady JIT state) then ").append(reps).append(" measured pairs. The ratio (and the target) is that of the medians of the JVM's")
                .append(" process CPU time during each compilation (javac, the checker, GC and JIT threads of this JVM; not other")
                .append(" processes), because the machine is shared; the wall-time medians and their ratio are shown beside it.\n\n");
        out.append("| sources | files | lines | javac: CPU / wall | javac + checker: CPU / wall | ratio (CPU) | ratio (wall) | target | met | diagnostics added by the checker |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s (%s) | %d | %d | %.0f / %.0f ms | %.0f / %.0f ms | %.2f× | %.2f× | ≤ %.1f× | %s | %d |%n",
                    r.set().description(), r.set().kind(), r.files(), r.lines(), median(r.plainCpuMillis()), median(r.plainMillis()),
                    median(r.checkedCpuMillis()), median(r.checkedMillis()), r.ratio(), r.wallRatio(),
                    r.set().target(), r.met() ? "yes" : "**no**", r.checkerDiagnostics()));
        }
        out.append("\nRaw times (ms), plain / checked, wall then CPU:\n\n");
        for (Result r : results) {
            out.append("- ").append(r.set().description()).append(": wall ").append(r.plainMillis()).append(" / ")
                    .append(r.checkedMillis()).append("; CPU ").append(r.plainCpuMillis()).append(" / ").append(r.checkedCpuMillis());
            if (r.plainErrors() > 0) out.append(" (javac itself reported ").append(r.plainErrors()).append(" errors on these sources)");
            out.append('\n');
            for (String d : r.sampleDiagnostics()) {
                out.append("  - added by the checker: `").append(d.replace('`', '\'')).append("`\n");
            }
        }
        return out.toString();
    }

    private static final String START = "<!-- checker-overhead:start (written by scripts/bench-checker.sh) -->";
    private static final String END = "<!-- checker-overhead:end -->";

    /** Replaces the checker section of the benchmarks page (or appends it), leaving other sections alone. */
    static void writeSection(Path doc, String section) throws IOException {
        String existing = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n\n";
        String block = START + "\n" + section + END + "\n";
        int start = existing.indexOf(START);
        int end = existing.indexOf(END);
        String updated = start >= 0 && end > start
                ? existing.substring(0, start) + block + existing.substring(end + END.length()).replaceFirst("^\n", "")
                : existing + (existing.endsWith("\n\n") ? "" : "\n") + block;
        Files.writeString(doc, updated);
        System.out.println("wrote the checker section of " + doc);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
