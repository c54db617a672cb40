package dev.stowage.corpus.bench;

import dev.stowage.checker.StowageChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The checker on real code (scripts/eval-real-libs.sh): one project's sources, compiled with plain
 * javac and with the Stowage checker in the same JVM, alternating which goes first, after warm-up
 * pairs. Writes the findings, one a line ({@code path:line: [key] message}, sorted), and prints
 * lines, files, the medians of wall time and of the JVM's process CPU time (the machine is shared:
 * CPU time is what other processes do not inflate) and their ratios. A crash of the checker (an exception, or a
 * javac error that plain javac did not give) is reported and makes the exit status non-zero.
 *
 * <pre>{@code
 * java ... RealCodeEvaluation --name netty-codec-http --sources dir --classpath cp --findings out.txt --reps 3
 * }</pre>
 */
public final class RealCodeEvaluation {

    private RealCodeEvaluation() {}

    record Run(long millis, long cpuMillis, List<Diagnostic<? extends JavaFileObject>> diagnostics) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws IOException {
        String name = null;
        Path sources = null;
        String classpath = "";
        Path findingsFile = null;
        int reps = 3;
        int warmup = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = args[++i];
                case "--sources" -> sources = Path.of(args[++i]);
                case "--classpath" -> classpath = args[++i];
                case "--findings" -> findingsFile = Path.of(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (name == null || sources == null || findingsFile == null) {
            throw new IllegalArgumentException("--name, --sources and --findings are required");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("module-info.java")).sorted().toList();
        }
        long lines = 0;
        for (Path f : files) {
            try (Stream<String> l = Files.lines(f, StandardCharsets.UTF_8)) {
                lines += l.count();
            }
        }
        String cp = CheckerOverheadBenchmark.withCheckerClasspath(classpath);
        List<Long> plain = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        List<Long> plainCpu = new ArrayList<>();
        List<Long> checkedCpu = new ArrayList<>();
        Run lastPlain = null;
        Run lastChecked = null;
        boolean crashed = false;
        for (int rep = 1 - warmup; rep <= reps; rep++) { // reps up to 0 warm up
            try {
                if (Math.floorMod(rep, 2) == 0) {
                    lastPlain = compile(files, cp, false);
                    lastChecked = compile(files, cp, true);
                } else {
                    lastChecked = compile(files, cp, true);
                    lastPlain = compile(files, cp, false);
                }
            } catch (RuntimeException e) {
                System.out.println(name + ": the checker crashed: " + e);
                e.printStackTrace(System.out);
                crashed = true;
                break;
            }
            if (rep > 0) {
                plain.add(lastPlain.millis());
                checked.add(lastChecked.millis());
                plainCpu.add(lastPlain.cpuMillis());
                checkedCpu.add(lastChecked.cpuMillis());
            }
        }
        if (crashed) {
            System.exit(2);
        }
        TreeSet<String> plainErrors = new TreeSet<>();
        for (var d : lastPlain.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) plainErrors.add(format(d, sources));
        }
        TreeSet<String> findings = new TreeSet<>();
        List<String> otherErrors = new ArrayList<>();
        for (var d : lastChecked.diagnostics()) {
            String line = format(d, sources);
            boolean finding = line.matches("^[^ ]+:\\d+: \\[[a-z.]+\\] .*");
            if (finding && d.getKind() != Diagnostic.Kind.NOTE) findings.add(line);
            else if (d.getKind() == Diagnostic.Kind.ERROR && !plainErrors.contains(line)) otherErrors.add(line);
        }
        Path tmp = findingsFile.resolveSibling(findingsFile.getFileName() + ".tmp");
        Files.createDirectories(findingsFile.toAbsolutePath().getParent());
        Files.write(tmp, findings, StandardCharsets.UTF_8);
        Files.move(tmp, findingsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long p = median(plain);
        long c = median(checked);
        long pc = median(plainCpu);
        long cc = median(checkedCpu);
        System.out.printf(Locale.ROOT, "RESULT|%s|%d|%d|%d|%d|%.2f|%d|%d|%.2f|%d|%d|%d%n", name, files.size(), lines, p, c, (double) c / p,
                pc, cc, (double) cc / pc, findings.size(), plainErrors.size(), otherErrors.size());
        System.out.println("  raw wall plain " + plain + " checked " + checked + "; cpu plain " + plainCpu + " checked " + checkedCpu);
        for (String e : plainErrors.stream().limit(5).toList()) System.out.println("  plain javac error: " + e);
        for (String e : otherErrors.stream().limit(5).toList()) System.out.println("  checker-only error: " + e);
        if (!otherErrors.isEmpty()) System.exit(3);
    }

    private static long median(List<Long> xs) {
        List<Long> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static String format(Diagnostic<? extends JavaFileObject> d, Path root) {
        String file = d.getSource() == null ? "?" : root.toAbsolutePath().relativize(Path.of(d.getSource().toUri()).toAbsolutePath()).toString();
        String msg = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return file + ":" + d.getLineNumber() + ": " + msg;
    }

    private static Run compile(List<Path> files, String classpath, boolean withChecker) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("stowage-eval-");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath, "--release", "25",
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-implicit:none", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000"));
            // With the checker, findings are warnings (-Awarns): as errors they would stop javac before it
            // generates classes, and the checked run would do less work than the plain one.
            options.add(withChecker ? "-Awarns" : "-proc:none");
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files));
            if (withChecker) task.setProcessors(List.<Processor>of(new StowageChecker()));
            System.gc();
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime();
            task.call();
            return new Run((System.nanoTime() - start) / 1_000_000, (OS.getProcessCpuTime() - cpuStart) / 1_000_000,
                    diagnostics.getDiagnostics());
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
