package dev.stowage.lsp.core;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.SourceInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The warm analysis state of a workspace: one engine per distinct classpath (normally one per Maven
 * module), kept between edits, and the classpath cache. Engine runs are serialised by a fair lock, so
 * a whole-workspace analysis and the interactive ones take turns file by file.
 */
public final class Workspace {

    private record EngineKey(List<String> classpath, List<String> javacOptions) {}

    private final ClasspathService classpaths;
    private final Engine.Factory factory;
    private final Consumer<String> log;
    private final Map<EngineKey, Engine> engines = new ConcurrentHashMap<>();
    private final ReentrantLock engineLock = new ReentrantLock(true);

    public Workspace(ClasspathService classpaths, Engine.Factory factory, Consumer<String> log) {
        this.classpaths = classpaths;
        this.factory = factory;
        this.log = log;
    }

    public ClasspathService classpaths() {
        return classpaths;
    }

    /** The classpath and source path a document is analysed with. */
    public ClasspathService.Resolved pathsFor(String analysisPath, Settings settings) {
        return classpaths.resolve(Path.of(analysisPath), settings.classpath());
    }

    /**
     * Runs the engine for one document's module on the given sources.
     *
     * @param analysisPath the path of the document whose module decides the classpath
     */
    public AnalysisResult analyze(String analysisPath, List<SourceInput> sources, Settings settings, BooleanSupplier cancelled) {
        Engine engine = engineFor(analysisPath, settings);
        engineLock.lock();
        try {
            if (cancelled.getAsBoolean()) return new AnalysisResult(List.of(), List.of(), true);
            return engine.analyze(new ArrayList<>(sources), cancelled);
        } finally {
            engineLock.unlock();
        }
    }

    /** The engine's facts about the variable at an offset of the document (hover), with the document's module's classpath. */
    public java.util.Optional<dev.stowage.checker.api.ValueFacts> factsAt(String analysisPath, List<SourceInput> sources, int offset,
            Settings settings, BooleanSupplier cancelled) {
        Engine engine = engineFor(analysisPath, settings);
        engineLock.lock();
        try {
            if (cancelled.getAsBoolean()) return java.util.Optional.empty();
            return engine.factsAt(new ArrayList<>(sources), analysisPath, offset, cancelled);
        } finally {
            engineLock.unlock();
        }
    }

    private Engine engineFor(String analysisPath, Settings settings) {
        ClasspathService.Resolved paths;
        try {
            paths = pathsFor(analysisPath, settings);
        } catch (RuntimeException e) {
            // A path that is not a file path (an untitled buffer): analyse with the client's classpath only.
            List<String> classpath = new ArrayList<>(settings.classpath() == null ? List.of() : settings.classpath());
            dev.stowage.project.BundledLibraries.paths().forEach(p -> classpath.add(p.toString()));
            paths = new ClasspathService.Resolved(classpath, List.of(), null, "bundled only");
        }
        // The engine's own defaults (StowageAnalyzer.DEFAULT_JAVAC_OPTIONS) are the gate's too.
        List<String> options = new ArrayList<>(paths.javacOptions());
        if (!settings.stubs().isEmpty()) {
            // The user's library models (stowage.stubs); the bundled ones the checker reads by itself.
            options.add("-Astubs=" + String.join(java.io.File.pathSeparator, settings.stubs()));
        }
        EngineKey key = new EngineKey(paths.classpath(), List.copyOf(options));
        return engines.computeIfAbsent(key, k -> {
            log.accept("starting an analyzer for classpath " + k.classpath() + " options " + k.javacOptions());
            return factory.create(k.classpath(), k.javacOptions());
        });
    }

    /** Drops the warm engines and cached classpaths (after a pom.xml or classpath setting changed). */
    public void reset() {
        engines.clear();
        classpaths.invalidateAll();
    }

    @Override
    public String toString() {
        return "Workspace[" + engines.size() + " engines]";
    }
}
