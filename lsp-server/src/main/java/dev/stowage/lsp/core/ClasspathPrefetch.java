package dev.stowage.lsp.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps the build tool off the analysis worker and off the request threads. Computing a module's
 * classpath runs Maven, which can take minutes or hang; the first time a module is seen its
 * classpath is computed here, on a thread of its own per module, while its documents are analysed
 * at once with the {@linkplain #PROVISIONAL_CLASSPATH provisional classpath} (the qualifiers and the
 * checker the engine always has). When the module's classpath is known, {@code onResolved} is called
 * and the server analyses that module's documents again. Other modules, other files and hover never
 * wait for it.
 *
 * <p>The classpath itself is computed and cached by {@link Workspace#pathsFor} (the project layer);
 * this class only decides <em>when</em> and <em>on which thread</em>, and which settings an analysis
 * uses meanwhile.
 *
 * <pre>{@code
 * ClasspathPrefetch prefetch = new ClasspathPrefetch(workspace, log, progress, module -> reanalyse(module));
 * Settings forNow = prefetch.settingsFor(snapshot.analysisPath(), settings);   // never blocks
 * }</pre>
 */
public final class ClasspathPrefetch implements AutoCloseable {

    /**
     * What a document of a module whose classpath is still being computed is analysed against: no
     * entries of the client's, so the project layer gives the module's compiled classes, its source
     * path and the bundled Stowage runtime and qualifiers (as in restricted mode). Findings that need
     * the module's dependencies come when the real classpath arrives.
     */
    public static final List<String> PROVISIONAL_CLASSPATH = List.of();

    /** Tells the user what is under way (LSP {@code $/progress}): begin when a module's resolution starts, end when it is done. */
    public interface Progress {
        void begin(Path moduleRoot);

        void end(Path moduleRoot, String outcome);
    }

    private final Workspace workspace;
    private final Consumer<String> log;
    private final Progress progress;
    private final Consumer<Path> onResolved;
    private enum State { RUNNING, READY, FAILED }

    private final Map<Path, State> states = new ConcurrentHashMap<>();
    private final ExecutorService resolvers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stowage-classpath");
        t.setDaemon(true);
        return t;
    });
    private volatile long generation;

    public ClasspathPrefetch(Workspace workspace, Consumer<String> log, Progress progress, Consumer<Path> onResolved) {
        this.workspace = workspace;
        this.log = log;
        this.progress = progress;
        this.onResolved = onResolved;
    }

    /**
     * The settings to analyse a document with now: the given ones when the client set a classpath,
     * the document has no module, or its module's classpath is known; otherwise the provisional
     * classpath, and the module's resolution is started (once) in the background.
     */
    public Settings settingsFor(String analysisPath, Settings settings) {
        if (settings.classpath() != null) return settings;
        Path module = moduleOf(analysisPath);
        if (module == null) return settings;
        State state = states.get(module);
        if (state == State.READY) return settings;
        if (state == null) start(module, analysisPath, settings);
        // Running, or failed (the project layer said why in the log): the provisional classpath, never a blocking retry.
        return settings.withClasspath(PROVISIONAL_CLASSPATH);
    }

    /** True when the module of this document has its classpath (or needs none). */
    public boolean isReady(String analysisPath, Settings settings) {
        if (settings.classpath() != null) return true;
        Path module = moduleOf(analysisPath);
        return module == null || states.get(module) == State.READY || states.get(module) == State.FAILED;
    }

    /**
     * For a batch run (the workspace command): waits until the document's module has its classpath,
     * polling {@code cancelled}; returns the settings to use, or {@code null} when cancelled.
     */
    public Settings awaitSettingsFor(String analysisPath, Settings settings, BooleanSupplier cancelled) throws InterruptedException {
        Settings now = settingsFor(analysisPath, settings);
        while (!isReady(analysisPath, settings)) {
            if (cancelled.getAsBoolean()) return null;
            Thread.sleep(50);
        }
        return settingsFor(analysisPath, settings);
    }

    /** Forgets every resolved module (a pom.xml or the classpath setting changed); resolutions under way are disowned. */
    public void reset() {
        generation++;
        states.clear();
    }

    /** The folder of the document's build module, or {@code null} for a file outside any. */
    private Path moduleOf(String analysisPath) {
        try {
            return workspace.classpaths().moduleRootOf(Path.of(analysisPath)).orElse(null);
        } catch (RuntimeException notAPath) {
            return null;
        }
    }

    private void start(Path module, String analysisPath, Settings settings) {
        if (states.putIfAbsent(module, State.RUNNING) != null) return;
        long startedIn = generation;
        progress.begin(module);
        log.accept("computing the classpath of " + module + " in the background; its files are analysed with the provisional classpath meanwhile");
        resolvers.execute(() -> {
            String outcome;
            State state;
            long start = System.nanoTime();
            try {
                ClasspathService.Resolved paths = workspace.pathsFor(analysisPath, settings);
                outcome = paths.classpath().size() + " entries (" + paths.origin() + ") in " + (System.nanoTime() - start) / 1_000_000 + " ms";
                state = State.READY;
            } catch (RuntimeException | Error e) {
                outcome = "failed (" + e + "); its files stay analysed with the provisional classpath";
                state = State.FAILED;
            }
            log.accept("classpath of " + module + ": " + outcome);
            progress.end(module, outcome);
            if (generation != startedIn) return; // reset meanwhile: a newer resolution decides
            states.put(module, state);
            if (state == State.READY) onResolved.accept(module);
        });
    }

    @Override
    public void close() {
        resolvers.shutdownNow();
    }
}
