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
 * Checker overhead (SPEC §7): javac with and without the Stowage checker on the same sources, in the
 * same JVM, runs alternating (plain, checked, plain, checked…) after one warm-up pair; reports the
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
            int plainErrors, int checkedErrors, int checkerDiagnostics, List<String> sampleDiagnostics) {
        double plainMedian() {
            return median(plainMillis);
        }

        double checkedMedian() {
            return median(checkedMillis);
        }

        double ratio() {
            return checkedMedian() / plainMedian();
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
        Path doc = null;
        String command = "scripts/bench-checker.sh";
        List<SourceSet> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
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
            results.add(measure(set, reps));
        }
        String section = report(results, reps, command);
        System.out.println(section);
        if (doc != null) writeSection(doc, section);
    }

    static Result measure(SourceSet set, int reps) throws IOException {
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
        System.out.printf(Locale.ROOT, "%s: %d files, %d lines; %d warm-up pair + %d measured pairs%n", set.kind(), files.size(), lines, 1, reps);
        // Both runs get the same classpath: the set's own plus what the checker needs to see (as the engine adds it).
        String classpath = withCheckerClasspath(set.classpath());
        List<Long> plain = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        Compilation lastPlain = null;
        Compilation lastChecked = null;
        for (int rep = 0; rep <= reps; rep++) {
            lastPlain = compile(files, classpath, false);
            lastChecked = compile(files, classpath, true);
            System.out.printf(Locale.ROOT, "  %s pair %d: plain %d ms, checked %d ms%n", rep == 0 ? "warm-up" : "measured", rep,
                    lastPlain.millis(), lastChecked.millis());
            if (rep > 0) {
                plain.add(lastPlain.millis());
                checked.add(lastChecked.millis());
            }
        }
        List<String> plainMessages = lastPlain.messages();
        List<String> added = lastChecked.messages().stream().filter(m -> !plainMessages.contains(m)).toList();
        return new Result(set, files.size(), lines, plain, checked, lastPlain.errors(), lastChecked.errors(), added.size(),
                added.stream().limit(5).toList());
    }

    record Compilation(long millis, int errors, List<String> messages) {}

    private static String withCheckerClasspath(String classpath) {
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
            long start = System.nanoTime();
            task.call();
            long millis = (System.nanoTime() - start) / 1_000_000;
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
            return new Compilation(millis, errors, messages);
        } finally {
            deleteTree(out);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static String report(List<Result> results, int reps, String command) {
        StringBuilder out = new StringBuilder();
        out.append("## Checker overhead (SPEC §7)\n\n");
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
                .append(" plain (`-proc:none`) and with `StowageChecker` as processor, alternating, one warm-up pair then ")
                .append(reps).append(" measured pairs; medians of wall time.\n\n");
        out.append("| sources | files | lines | javac median | javac + checker median | ratio | target | met | diagnostics added by the checker |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s (%s) | %d | %d | %.0f ms | %.0f ms | %.2f× | ≤ %.1f× | %s | %d |%n",
                    r.set().description(), r.set().kind(), r.files(), r.lines(), r.plainMedian(), r.checkedMedian(), r.ratio(),
                    r.set().target(), r.met() ? "yes" : "**no**", r.checkerDiagnostics()));
        }
        out.append("\nRaw times (ms), plain / checked:\n\n");
        for (Result r : results) {
            out.append("- ").append(r.set().kind()).append(": ").append(r.plainMillis()).append(" / ").append(r.checkedMillis());
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
