package dev.stowage.lsp.core;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs document analyses the way an editor needs: an edit waits a short debounce, a newer edit
 * cancels the pending or running analysis of the same document (the engine polls the cancel flag),
 * and a result is published only if its version is still the document's newest — so no diagnostic of
 * an older text ever reaches the screen. Analyses run on one worker thread (the engine is CPU-bound
 * and the machine may have two cores).
 *
 * <pre>{@code
 * AnalysisScheduler s = new AnalysisScheduler(analyzer, settings, publish, log);
 * s.submit(new DocumentSnapshot(uri, 2, text));     // analysed after the debounce, published if still newest
 * s.resultFor(uri).join();                           // the analysis of the newest version (pull diagnostics)
 * }</pre>
 */
public final class AnalysisScheduler implements AutoCloseable {

    /** The work for one version of one document. */
    private static final class Job {
        final DocumentSnapshot snapshot;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final CompletableFuture<DocumentAnalysis> result = new CompletableFuture<>();
        volatile ScheduledFuture<?> timer;

        Job(DocumentSnapshot snapshot) {
            this.snapshot = snapshot;
        }
    }

    private final DocumentAnalyzer analyzer;
    private final Supplier<Settings> settings;
    private final Consumer<DocumentAnalysis> publish;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("stowage-debounce"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("stowage-analysis"));
    private final Map<String, Job> newest = new ConcurrentHashMap<>();
    private final Map<String, DocumentAnalysis> published = new ConcurrentHashMap<>();

    /**
     * @param publish receives each result that is still the newest when it is ready (called on the worker thread)
     */
    public AnalysisScheduler(DocumentAnalyzer analyzer, Supplier<Settings> settings, Consumer<DocumentAnalysis> publish, Consumer<String> log) {
        this.analyzer = analyzer;
        this.settings = settings;
        this.publish = publish;
        this.log = log;
    }

    /** Schedules the analysis of a new version; older work for the same document is cancelled. */
    public CompletableFuture<DocumentAnalysis> submit(DocumentSnapshot snapshot) {
        Job job = new Job(snapshot);
        Job previous;
        synchronized (this) {
            previous = newest.put(snapshot.uri(), job);
        }
        if (previous != null) {
            previous.cancelled.set(true);
            ScheduledFuture<?> t = previous.timer;
            if (t != null) t.cancel(false);
            // Whoever waits for the old version (a pull request) gets the newest instead.
            job.result.whenComplete((r, e) -> {
                if (e != null) previous.result.completeExceptionally(e);
                else previous.result.complete(r);
            });
        }
        long debounce = settings.get().debounceMillis();
        job.timer = timer.schedule(() -> {
            if (!job.cancelled.get()) worker.execute(() -> run(job));
        }, debounce, TimeUnit.MILLISECONDS);
        return job.result;
    }

    private void run(Job job) {
        if (job.cancelled.get()) return;
        try {
            DocumentAnalysis analysis = analyzer.analyze(job.snapshot, settings.get(), job.cancelled::get);
            if (analysis == null) return;
            // Checked and published under the lock that submit() takes: a newer version cannot slip in between.
            synchronized (this) {
                if (job.cancelled.get() || newest.get(job.snapshot.uri()) != job) return;
                published.put(job.snapshot.uri(), analysis);
                publish.accept(analysis);
            }
            job.result.complete(analysis);
        } catch (Throwable t) {
            // Never let one document's failure stop the worker; report it and publish nothing stale.
            log.accept("analysis of " + job.snapshot + " failed: " + t);
            for (StackTraceElement e : t.getStackTrace()) log.accept("    at " + e);
            DocumentAnalysis empty = new DocumentAnalysis(job.snapshot, java.util.List.of(), java.util.List.of(), java.util.List.of(), false, 0);
            synchronized (this) {
                if (newest.get(job.snapshot.uri()) != job) return;
                published.put(job.snapshot.uri(), empty);
                publish.accept(empty);
            }
            job.result.complete(empty);
        }
    }

    /** The analysis of the newest version of a document, once it is ready; {@code null} if the document is unknown. */
    public CompletableFuture<DocumentAnalysis> resultFor(String uri) {
        Job job = newest.get(uri);
        return job == null ? null : job.result;
    }

    /** The last analysis published for a document (may be of an older version than the newest), or {@code null}. */
    public DocumentAnalysis lastPublished(String uri) {
        return published.get(uri);
    }

    /** Stops all work for a closed document. */
    public void forget(String uri) {
        Job job;
        synchronized (this) {
            job = newest.remove(uri);
        }
        if (job != null) {
            job.cancelled.set(true);
            job.result.cancel(false);
        }
        published.remove(uri);
        analyzer.forget(uri);
    }

    /** Runs a task on the analysis worker, after the analyses already queued (e.g. re-analysing everything after a settings change). */
    public void onWorker(Runnable task) {
        worker.execute(task);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        worker.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "AnalysisScheduler[" + newest.size() + " documents]";
    }
}
