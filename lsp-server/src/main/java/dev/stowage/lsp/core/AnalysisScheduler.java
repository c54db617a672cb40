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
 * Runs document analyses the way an editor needs: an edit that follows another within the debounce
 * window waits for it (the first edit after a quiet spell starts at once), a newer edit
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
        /** Cancelled because nobody waited for it any more (not because a newer version came): redone on demand. */
        volatile boolean abandoned;
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
    private final Consumer<String> tellUser;
    /** Documents whose failure the user was told about (window/showMessage), until one of them analyses again. */
    private final java.util.Set<String> toldAbout = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("stowage-debounce"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("stowage-analysis"));
    private final Map<String, Job> newest = new ConcurrentHashMap<>();
    private final Map<String, DocumentAnalysis> published = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSubmitNanos = new ConcurrentHashMap<>();
    private volatile java.util.function.Function<DocumentSnapshot, Settings> settingsPerDocument;

    /**
     * @param publish receives each result that is still the newest when it is ready (called on the worker thread)
     */
    public AnalysisScheduler(DocumentAnalyzer analyzer, Supplier<Settings> settings, Consumer<DocumentAnalysis> publish, Consumer<String> log) {
        this(analyzer, settings, publish, log, log);
    }

    /**
     * @param tellUser shows a message to the user (window/showMessage): once per document when its
     *     analysis fails or is refused, again only after it was analysed in between
     */
    public AnalysisScheduler(DocumentAnalyzer analyzer, Supplier<Settings> settings, Consumer<DocumentAnalysis> publish,
            Consumer<String> log, Consumer<String> tellUser) {
        this.analyzer = analyzer;
        this.settings = settings;
        this.publish = publish;
        this.log = log;
        this.tellUser = tellUser;
    }

    /**
     * Lets the settings depend on the document (the server analyses a module whose classpath is still
     * being computed with a provisional one: {@link ClasspathPrefetch}). Must not block.
     */
    public void setSettingsPerDocument(java.util.function.Function<DocumentSnapshot, Settings> settingsPerDocument) {
        this.settingsPerDocument = settingsPerDocument;
    }

    private Settings settingsFor(DocumentSnapshot snapshot) {
        var perDocument = settingsPerDocument;
        return perDocument == null ? settings.get() : perDocument.apply(snapshot);
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
        // Leading-edge debounce: the first edit after a quiet spell is analysed at once; edits that
        // follow within the debounce window wait it out (each one cancels the one before).
        long now = System.nanoTime();
        Long before = lastSubmitNanos.put(snapshot.uri(), now);
        long configured = settings.get().debounceMillis();
        boolean inBurst = before != null && (now - before) < configured * 1_000_000L;
        long debounce = inBurst ? configured : 0;
        job.timer = timer.schedule(() -> {
            if (!job.cancelled.get()) worker.execute(() -> run(job));
        }, debounce, TimeUnit.MILLISECONDS);
        return job.result;
    }

    private void run(Job job) {
        if (job.cancelled.get()) return;
        DocumentAnalysis analysis;
        try {
            analysis = analyzer.analyze(job.snapshot, settingsFor(job.snapshot), job.cancelled::get);
        } catch (Throwable e) {
            // Never let one document's failure stop the worker, and never publish an empty list for it.
            // After an OutOfMemoryError the analysis's garbage is unreachable once the stack unwinds:
            // there is room again to say so. javac hands it on wrapped (RuntimeException(OutOfMemoryError)).
            if (AnalysisLimits.outOfMemory(e)) {
                analysis = failed(job, AnalysisLimits.outOfMemoryReason(), e);
            } else {
                if (job.cancelled.get()) return;
                analysis = failed(job, "the analysis failed with an internal error (" + e + "); the server log has the details", e);
            }
        }
        if (analysis == null) return;
        // Checked and published under the lock that submit() takes: a newer version cannot slip in between.
        synchronized (this) {
            if (job.cancelled.get() || newest.get(job.snapshot.uri()) != job) return;
            published.put(job.snapshot.uri(), analysis);
            publish.accept(analysis);
        }
        job.result.complete(analysis);
        if (analysis.analysed()) {
            toldAbout.remove(job.snapshot.uri());
        } else if (toldAbout.add(job.snapshot.uri())) {
            tellUser.accept("Stowage did not analyse " + fileName(job.snapshot.uri()) + ": " + analysis.notAnalysedReason() + ".");
        }
    }

    private DocumentAnalysis failed(Job job, String reason, Throwable e) {
        log.accept("analysis of " + job.snapshot + " failed: " + e);
        for (StackTraceElement frame : e.getStackTrace()) log.accept("    at " + frame);
        return DocumentAnalysis.notAnalysed(job.snapshot, reason, 0);
    }

    private static String fileName(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 && slash < uri.length() - 1 ? uri.substring(slash + 1) : uri;
    }

    /** The analysis of the newest version of a document, once it is ready; {@code null} if the document is unknown. */
    public CompletableFuture<DocumentAnalysis> resultFor(String uri) {
        Job job = newest.get(uri);
        if (job == null) return null;
        if (job.abandoned) return submit(job.snapshot); // stopped when its requester cancelled: start it again
        return job.result;
    }

    /**
     * Stops the analysis of a document's newest version that is under way or queued, because the
     * request that waited for it was cancelled (a pull for diagnostics): the engine stops at its next
     * check (between methods). The next {@link #resultFor} starts it again. A finished analysis stays.
     */
    public void cancelRunning(String uri) {
        Job job = newest.get(uri);
        if (job == null || job.result.isDone()) return;
        job.abandoned = true;
        job.cancelled.set(true);
        ScheduledFuture<?> t = job.timer;
        if (t != null) t.cancel(false);
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
        lastSubmitNanos.remove(uri);
        toldAbout.remove(uri);
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
