package dev.stowage.gate;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.engine.SourceInput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import dev.stowage.project.BundledLibraries;
import dev.stowage.project.MavenClasspathProvider;
import dev.stowage.project.ProjectClasspaths;
import dev.stowage.project.TrustPolicy;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One analysis as the gate runs it: collect the inputs, run the engine, turn its findings into
 * {@link GateFinding}s (levels, fingerprints, baseline state). Rendering and exit codes are the
 * commands' business.
 *
 * <pre>{@code
 * Gate.Outcome outcome = new Gate(new EngineAnalyzer(), System.err).run(request);
 * outcome.report().summaryLine();
 * }</pre>
 */
public final class Gate {

    /** How many files make the gate print progress without being asked. */
    public static final int PROGRESS_THRESHOLD = 20;

    /**
     * What to analyse and how.
     *
     * @param trust whether and how the project's build tool may run to compute classpaths
     * @param followSymlinks follow symbolic links that leave the checked tree
     */
    public record Request(
            List<Path> paths, Path baseDirectory, List<Path> extraClasspath, boolean mavenEnabled, boolean includeTests,
            boolean refreshClasspath, boolean bundledClasspath, List<String> javacOptions, SeverityConfig severities,
            Baseline baseline, boolean quiet, boolean forceProgress, java.nio.charset.Charset encoding,
            TrustPolicy trust, boolean followSymlinks) {}

    /** The report, and the sources by the path the engine knows them under. */
    public record Outcome(GateReport report, Map<String, SourceFile> sourcesByEnginePath, Inputs inputs) {}

    /** The sources do not compile: javac's own messages, which are not findings. */
    public static final class CompileErrors extends GateException {
        private final List<String> lines;

        CompileErrors(List<String> lines, long errorCount) {
            super(errorCount + " compile error" + (errorCount == 1 ? "" : "s"));
            this.lines = List.copyOf(lines);
        }

        /** javac's messages, compiler-style, one per line. */
        public List<String> lines() {
            return lines;
        }
    }

    private final Analyzer analyzer;
    private final PrintStream err;

    public Gate(Analyzer analyzer, PrintStream err) {
        this.analyzer = analyzer;
        this.err = err;
    }

    /**
     * @throws CompileErrors when javac reports errors in the sources
     * @throws GateException for any other usage or tool error
     */
    public Outcome run(Request request) {
        Path base = request.baseDirectory().toAbsolutePath().normalize();
        // Notes (skipped files) and Maven runs are said even with --quiet: they change what was checked.
        Consumer<String> notes = message -> err.println("stowage: note: " + message);
        Consumer<String> maven = message -> err.println("stowage: " + message);
        ProjectClasspaths classpaths = new ProjectClasspaths(MavenClasspathProvider.forPolicy(request.trust(), maven),
                request.quiet() ? message -> { } : this::progress, request.refreshClasspath());
        Inputs inputs = Inputs.collect(request.paths(), base, new Inputs.Options(request.mavenEnabled(), request.includeTests(),
                classpaths, request.encoding(), request.followSymlinks(), notes));
        List<Path> extra = new ArrayList<>(request.extraClasspath().stream().map(p -> base.resolve(p).normalize()).toList());
        for (Path entry : extra) {
            if (!java.nio.file.Files.exists(entry)) {
                throw new GateException("--classpath entry does not exist: " + entry);
            }
        }
        List<Path> bundled = request.bundledClasspath() ? BundledLibraries.paths() : List.of();

        Map<String, SourceFile> byEnginePath = new HashMap<>();
        for (SourceFile file : inputs.sources()) {
            byEnginePath.put(file.displayPath(), file);
            byEnginePath.put(file.path().toString(), file);
            byEnginePath.put(file.path().toUri().toString(), file);
        }
        int fileCount = inputs.sources().size();
        List<Inputs.Unit> units = inputs.units();
        int parallelism = Math.max(1, Math.min(units.size(), Runtime.getRuntime().availableProcessors()));

        boolean showProgress = !request.quiet() && (request.forceProgress() || fileCount >= PROGRESS_THRESHOLD);
        long start = System.nanoTime();
        if (showProgress) {
            err.println("stowage: analyzing " + fileCount + " files"
                    + (units.size() > 1 ? " in " + units.size() + " modules, " + parallelism + " at a time" : "") + "...");
        }
        List<AnalysisResult> results;
        ScheduledExecutorService heartbeat = showProgress ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stowage-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            if (heartbeat != null) {
                heartbeat.scheduleAtFixedRate(() -> err.println("stowage: still analyzing ("
                        + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s)"), 10, 10, TimeUnit.SECONDS);
            }
            results = analyzeUnits(units, extra, bundled, request.javacOptions(), parallelism, showProgress);
        } finally {
            if (heartbeat != null) {
                heartbeat.shutdownNow();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (showProgress) {
            err.printf(java.util.Locale.ROOT, "stowage: analyzed %d files in %.1f s%n", fileCount, elapsed.toMillis() / 1000.0);
        }
        AnalysisResult result = merge(results);
        if (result.cancelled()) {
            throw new GateException("the analysis was cancelled before it finished");
        }
        for (CompilerMessage message : result.compilerMessages()) {
            // What is wrong with a library model (a stub entry that matches nothing): the user must see it.
            if (message.severity() == CompilerMessage.Severity.WARNING && message.message().startsWith("[stowage] stub ")) {
                err.println("stowage: warning: " + message.message().substring("[stowage] ".length()));
            }
        }
        if (result.hasCompileErrors()) {
            List<String> lines = new ArrayList<>();
            long errors = 0;
            for (CompilerMessage message : result.compilerMessages()) {
                if (message.severity() != CompilerMessage.Severity.ERROR) {
                    continue;
                }
                errors++;
                String where = "";
                if (message.range() != null) {
                    SourceFile file = byEnginePath.get(message.range().file());
                    where = (file != null ? file.displayPath() : message.range().file()) + ":"
                            + message.range().startLine() + ":" + message.range().startColumn() + ": ";
                }
                lines.add(where + "error: " + message.message().replace("\n", "\n    "));
            }
            throw new CompileErrors(lines, errors);
        }

        List<Finding> findings = new ArrayList<>(result.findings());
        findings.sort(Comparator.<Finding, String>comparing(f -> sourceOf(f, byEnginePath).displayPath())
                .thenComparingInt(f -> f.range().startLine())
                .thenComparingInt(f -> f.range().startColumn())
                .thenComparing(Finding::key)
                .thenComparing(Finding::message));
        Fingerprints fingerprints = new Fingerprints();
        List<GateFinding> gateFindings = new ArrayList<>();
        for (Finding finding : findings) {
            Level level = request.severities().levelOf(finding.key());
            if (level == Level.OFF) {
                continue;
            }
            SourceFile file = sourceOf(finding, byEnginePath);
            String member = finding.member(); // the engine names it from javac's trees
            gateFindings.add(new GateFinding(finding, file, level, member, fingerprints.next(finding, file, member),
                    GateFinding.BaselineState.NONE));
        }
        int fixedSinceBaseline = 0;
        if (request.baseline() != null) {
            fixedSinceBaseline = request.baseline().unmatchedCount(gateFindings);
            gateFindings = request.baseline().mark(gateFindings);
        }
        GateReport report = new GateReport(gateFindings, inputs.sources().size(), request.baseline() != null,
                fixedSinceBaseline, elapsed);
        return new Outcome(report, byEnginePath, inputs);
    }

    /**
     * Each unit with its own classpath (the user's entries first, then the module's, then the bundled
     * libraries), up to {@code parallelism} at a time: javac in one JVM, warm for all of them.
     */
    private List<AnalysisResult> analyzeUnits(List<Inputs.Unit> units, List<Path> extra, List<Path> bundled,
                                              List<String> javacOptions, int parallelism, boolean showProgress) {
        List<java.util.concurrent.Callable<AnalysisResult>> tasks = new ArrayList<>();
        for (Inputs.Unit unit : units) {
            List<Path> classpath = new ArrayList<>(extra);
            classpath.addAll(unit.classpath());
            classpath.addAll(bundled);
            List<String> options = new ArrayList<>(javacOptions);
            if (!unit.sourcepath().isEmpty()) {
                options.add("-sourcepath");
                options.add(String.join(java.io.File.pathSeparator, unit.sourcepath().stream().map(Path::toString).toList()));
            }
            List<SourceInput> sources = unit.sources().stream().map(f -> new SourceInput(f.displayPath(), f.content())).toList();
            List<Path> uniqueClasspath = List.copyOf(new LinkedHashSet<>(classpath));
            tasks.add(() -> {
                long began = System.nanoTime();
                AnalysisResult r = analyzer.analyze(sources, uniqueClasspath, options, () -> false);
                if (showProgress && units.size() > 1) {
                    err.printf(java.util.Locale.ROOT, "stowage: module %s: %d files in %.1f s%n", unit.name(), sources.size(),
                            (System.nanoTime() - began) / 1e9);
                }
                return r;
            });
        }
        if (tasks.size() == 1) {
            try {
                return List.of(tasks.getFirst().call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new GateException("the analysis failed: " + e, e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "stowage-module");
            t.setDaemon(true);
            return t;
        });
        try {
            List<AnalysisResult> results = new ArrayList<>();
            for (Future<AnalysisResult> future : pool.invokeAll(tasks)) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                    if (e.getCause() instanceof Error error) throw error;
                    throw new GateException("the analysis failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateException("interrupted while analyzing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static AnalysisResult merge(List<AnalysisResult> results) {
        if (results.size() == 1) return results.getFirst();
        List<Finding> findings = new ArrayList<>();
        List<CompilerMessage> messages = new ArrayList<>();
        boolean cancelled = false;
        for (AnalysisResult r : results) {
            findings.addAll(r.findings());
            messages.addAll(r.compilerMessages());
            cancelled |= r.cancelled();
        }
        return new AnalysisResult(findings, messages, cancelled);
    }

    /** The file of a finding; an engine path the gate never gave it becomes an empty source. */
    private static SourceFile sourceOf(Finding finding, Map<String, SourceFile> byEnginePath) {
        SourceFile file = byEnginePath.get(finding.range().file());
        return file != null ? file : new SourceFile(Path.of(finding.range().file()), finding.range().file(), "");
    }

    private void progress(String message) {
        err.println("stowage: " + message);
    }
}
