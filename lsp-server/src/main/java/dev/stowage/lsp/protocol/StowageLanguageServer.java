package dev.stowage.lsp.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stowage.checker.api.Finding;
import dev.stowage.lsp.core.AnalysisScheduler;
import dev.stowage.lsp.core.ClasspathPrefetch;
import dev.stowage.lsp.core.ClasspathService;
import dev.stowage.lsp.core.WorkspaceTrust;
import dev.stowage.project.ClasspathProvider;
import dev.stowage.project.RuleDocs;
import dev.stowage.lsp.core.CodeFix;
import dev.stowage.lsp.core.DocumentAnalysis;
import dev.stowage.lsp.core.DocumentAnalyzer;
import dev.stowage.lsp.core.DocumentSnapshot;
import dev.stowage.lsp.core.Engine;
import dev.stowage.lsp.core.HoverService;
import dev.stowage.lsp.core.JavaSyntax;
import dev.stowage.lsp.core.LineMap;
import dev.stowage.lsp.core.QuickFixService;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.core.SettingsParser;
import dev.stowage.lsp.core.TextRange;
import dev.stowage.lsp.core.Workspace;
import dev.stowage.lsp.core.WorkspaceAnalysis;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The LSP4J face of the server: it translates protocol messages to the plain services in
 * {@code dev.stowage.lsp.core} and back, and owns nothing else. Every handler catches its own
 * failures: a bad request gets an error response, never a dead server.
 */
public final class StowageLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {

    /** The command that analyses every Java file of the workspace. */
    public static final String ANALYZE_WORKSPACE = "stowage.analyzeWorkspace";

    private final Consumer<String> log;
    private final Workspace workspace;
    private final DocumentAnalyzer analyzer;
    private final DocumentAnalyzer batchAnalyzer;
    private final AnalysisScheduler scheduler;
    private final QuickFixService fixes = new QuickFixService();
    private final HoverService hovers;
    private final ClasspathPrefetch prefetch;
    private final Map<String, DocumentSnapshot> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> workspaceRuns = new ConcurrentHashMap<>();
    private final List<Path> roots = new ArrayList<>();
    private volatile Settings settings;
    private volatile LanguageClient client;
    private volatile boolean push = true;
    private volatile boolean progressSupported;
    private volatile boolean shutdown;
    /** What the client said of workspace trust ({@code workspaceTrusted}), or null if it never said. */
    private volatile Boolean clientTrust;
    /** What the setting {@code stowage.project.trusted} said, or false. */
    private volatile Boolean settingTrust = false;
    private final Runnable onExit;

    /**
     * @param engines makes the engine for a classpath (the checker's in production)
     * @param maven computes a Maven build's classpaths; asked only once the workspace is trusted
     * @param onExit what {@code exit} does (System.exit in {@link Main})
     */
    public StowageLanguageServer(Engine.Factory engines, ClasspathProvider maven, Settings initial, Consumer<String> log, Runnable onExit) {
        this.log = log;
        this.settings = initial;
        this.onExit = onExit;
        ClasspathService classpaths = new ClasspathService(maven, log);
        classpaths.onRestricted(message -> {
            LanguageClient c = client;
            if (c != null) c.showMessage(new MessageParams(MessageType.Info, message));
        });
        this.workspace = new Workspace(classpaths, engines, log);
        JavaSyntax syntax = new JavaSyntax();
        this.analyzer = new DocumentAnalyzer(workspace, syntax);
        this.batchAnalyzer = new DocumentAnalyzer(workspace, syntax);
        this.batchAnalyzer.setIncremental(false);
        this.scheduler = new AnalysisScheduler(analyzer, () -> settings, this::publish, log, this::warnUser);
        this.hovers = new HoverService(workspace);
        this.prefetch = new ClasspathPrefetch(workspace, log, new ClasspathProgress(), this::classpathArrived);
        this.scheduler.setSettingsPerDocument(doc -> prefetch.settingsFor(doc.analysisPath(), settings));
    }

    /** The settings a document is analysed with now: the provisional classpath while its module's is computed. */
    private Settings settingsFor(DocumentSnapshot doc) {
        return prefetch.settingsFor(doc.analysisPath(), settings);
    }

    /** A module's classpath arrived: its open documents were analysed with the provisional one, so again. */
    private void classpathArrived(Path module) {
        boolean any = false;
        for (DocumentSnapshot doc : documents.values()) {
            if (module.equals(workspace.classpaths().moduleRootOf(pathOf(doc)).orElse(null))) {
                analyzer.forget(doc.uri()); // its findings were made with the provisional classpath: no reuse
                scheduler.submit(doc);
                any = true;
            }
        }
        LanguageClient c = client;
        if (any && c != null && !push) c.refreshDiagnostics().exceptionally(e -> null);
    }

    private static Path pathOf(DocumentSnapshot doc) {
        try {
            return Path.of(doc.analysisPath());
        } catch (RuntimeException e) {
            return Path.of(".");
        }
    }

    /** Shows a module's classpath resolution as LSP work-done progress (when the client supports it) and in the log. */
    private final class ClasspathProgress implements ClasspathPrefetch.Progress {
        private final Map<Path, String> tokens = new ConcurrentHashMap<>();

        @Override
        public void begin(Path moduleRoot) {
            LanguageClient c = client;
            if (c == null || !progressSupported) return;
            String token = "stowage-classpath-" + UUID.randomUUID();
            tokens.put(moduleRoot, token);
            c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).whenComplete((ok, e) -> {
                WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
                begin.setTitle("Stowage: computing the classpath of " + moduleRoot.getFileName());
                begin.setMessage("files are analysed without the module's dependencies until it is known");
                begin.setCancellable(false);
                c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
            });
        }

        @Override
        public void end(Path moduleRoot, String outcome) {
            LanguageClient c = client;
            String token = tokens.remove(moduleRoot);
            if (c == null || token == null) return;
            WorkDoneProgressEnd end = new WorkDoneProgressEnd();
            end.setMessage(outcome);
            c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(end)));
        }
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    public DocumentAnalyzer analyzer() {
        return analyzer;
    }

    public Settings settings() {
        return settings;
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        return CompletableFuture.supplyAsync(() -> {
            if (params.getWorkspaceFolders() != null) {
                for (WorkspaceFolder f : params.getWorkspaceFolders()) addRoot(f.getUri());
            } else if (params.getRootUri() != null) {
                addRoot(params.getRootUri());
            }
            workspace.classpaths().setRoots(roots);
            if (params.getInitializationOptions() instanceof JsonElement options) {
                clientTrust = WorkspaceTrust.clientSaid(options).orElse(null);
                applySettings(options);
            }
            applyTrust(params.getInitializationOptions() instanceof JsonElement options ? options : null);
            if (settings.rulesBaseUrl() == null) {
                // The workspace is Stowage itself (or carries its rule pages): link to those.
                for (Path root : roots) {
                    var rules = RuleDocs.folderIn(root);
                    if (rules.isPresent()) {
                        settings = settings.withRulesBaseUrl(rules.get().toUri().toString());
                        break;
                    }
                }
            }
            ClientCapabilities caps = params.getCapabilities();
            boolean pull = caps != null && caps.getTextDocument() != null && caps.getTextDocument().getDiagnostic() != null;
            // A client that pulls would show pushed diagnostics twice; push to the others (and when asked to).
            push = !pull || forcePush(params.getInitializationOptions());
            progressSupported = caps != null && caps.getWindow() != null && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress());

            ServerCapabilities sc = new ServerCapabilities();
            TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
            sync.setOpenClose(true);
            sync.setChange(TextDocumentSyncKind.Incremental);
            sync.setSave(new SaveOptions(false));
            sc.setTextDocumentSync(sync);
            DiagnosticRegistrationOptions diagnostics = new DiagnosticRegistrationOptions(false, false);
            diagnostics.setIdentifier("stowage");
            sc.setDiagnosticProvider(diagnostics);
            sc.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
            sc.setHoverProvider(true);
            sc.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(ANALYZE_WORKSPACE)));
            log.accept("initialized: roots " + roots + ", " + (push ? "push" : "pull") + " diagnostics, settings " + settings);
            return new InitializeResult(sc, new ServerInfo("stowage-lsp", version()));
        });
    }

    private static boolean forcePush(Object options) {
        if (!(options instanceof JsonObject o)) return false;
        JsonObject section = o.has("stowage") && o.get("stowage").isJsonObject() ? o.getAsJsonObject("stowage") : o;
        return section.has("pushDiagnostics") && section.get("pushDiagnostics").isJsonPrimitive() && section.get("pushDiagnostics").getAsBoolean();
    }

    private void addRoot(String uri) {
        try {
            roots.add(Path.of(URI.create(uri)));
        } catch (RuntimeException e) {
            log.accept("ignoring workspace folder " + uri + ": not a file URI (" + e.getMessage() + ")");
        }
    }

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (c == null) return;
        // Watch pom.xml files, to refresh the Maven classpath when one changes (if the client lets us register).
        DidChangeWatchedFilesRegistrationOptions watch = new DidChangeWatchedFilesRegistrationOptions(List.of(new FileSystemWatcher(Either.forLeft("**/pom.xml"))));
        c.registerCapability(new RegistrationParams(List.of(new Registration("stowage-pom-watch", "workspace/didChangeWatchedFiles", watch))))
                .exceptionally(e -> {
                    log.accept("the client did not let us watch pom.xml files (" + e.getMessage() + "); saving a pom.xml in the editor still refreshes the classpath");
                    return null;
                });
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        scheduler.close();
        prefetch.close();
        return CompletableFuture.completedFuture(null);
    }

    /** True once the client sent {@code shutdown} (then {@code exit} ends with code 0, as LSP says). */
    public boolean wasShutdown() {
        return shutdown;
    }

    @Override
    public void exit() {
        scheduler.close();
        prefetch.close();
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    @Override
    public void cancelProgress(WorkDoneProgressCancelParams params) {
        String token = params.getToken() == null ? null : params.getToken().isLeft() ? params.getToken().getLeft() : String.valueOf(params.getToken().getRight());
        AtomicBoolean flag = token == null ? null : workspaceRuns.get(token);
        if (flag != null) flag.set(true);
    }

    // ---- documents ------------------------------------------------------------------------------

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem doc = params.getTextDocument();
        if (doc == null || doc.getUri() == null) return;
        DocumentSnapshot snapshot = new DocumentSnapshot(doc.getUri(), doc.getVersion(), doc.getText() == null ? "" : doc.getText());
        documents.put(doc.getUri(), snapshot);
        scheduler.submit(snapshot);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        if (params.getTextDocument() == null) return;
        String uri = params.getTextDocument().getUri();
        DocumentSnapshot current = documents.get(uri);
        if (current == null) {
            log.accept("didChange for " + uri + ", which is not open: ignored");
            return;
        }
        String text = current.text();
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            text = DocumentSnapshot.applyChange(text, Lsp.range(change.getRange()), change.getText() == null ? "" : change.getText());
        }
        Integer version = params.getTextDocument().getVersion();
        DocumentSnapshot snapshot = new DocumentSnapshot(uri, version == null ? current.version() + 1 : version, text);
        documents.put(uri, snapshot);
        scheduler.submit(snapshot);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        if (params.getTextDocument() == null) return;
        String uri = params.getTextDocument().getUri();
        if (uri.endsWith("pom.xml")) {
            pomChanged(uri);
            return;
        }
        DocumentSnapshot current = documents.get(uri);
        if (current != null) scheduler.submit(current);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (params.getTextDocument() == null) return;
        String uri = params.getTextDocument().getUri();
        documents.remove(uri);
        scheduler.forget(uri);
        LanguageClient c = client;
        if (c != null && push) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }

    /** A window/showMessage warning (and the log): for what the user must know, such as a file that was not analysed. */
    private void warnUser(String message) {
        log.accept(message);
        LanguageClient c = client;
        if (c != null && !shutdown) c.showMessage(new MessageParams(MessageType.Warning, message));
    }

    private void publish(DocumentAnalysis analysis) {
        LanguageClient c = client;
        if (c == null || !push || shutdown) return;
        c.publishDiagnostics(new PublishDiagnosticsParams(analysis.uri(), Lsp.diagnostics(analysis.diagnostics()), analysis.version()));
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument() == null ? null : params.getTextDocument().getUri();
        CompletableFuture<DocumentAnalysis> result = uri == null ? null : scheduler.resultFor(uri);
        if (result == null) {
            return CompletableFuture.completedFuture(new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of())));
        }
        CompletableFuture<DocumentDiagnosticReport> answer = result.thenApply(a -> {
            RelatedFullDocumentDiagnosticReport report = new RelatedFullDocumentDiagnosticReport(Lsp.diagnostics(a.diagnostics()));
            report.setResultId(Integer.toString(a.version()));
            return new DocumentDiagnosticReport(report);
        });
        // $/cancelRequest cancels this future (LSP4J); stop the analysis too, not only the answer.
        answer.whenComplete((r, e) -> {
            if (answer.isCancelled()) scheduler.cancelRunning(uri);
        });
        return answer;
    }

    // ---- quick fixes and hover ------------------------------------------------------------------

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return CompletableFuture.supplyAsync(() -> {
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            String uri = params.getTextDocument() == null ? null : params.getTextDocument().getUri();
            DocumentAnalysis analysis = currentAnalysis(uri);
            TextRange requested = Lsp.range(params.getRange());
            if (analysis == null || requested == null) return out;
            LineMap lines = new LineMap(analysis.snapshot().text());
            for (int i = 0; i < analysis.findings().size(); i++) {
                Finding f = analysis.findings().get(i);
                if (f.range() == null) continue;
                TextRange at = lines.rangeOf(f.range().startOffset(), f.range().endOffset());
                if (!at.intersects(requested)) continue;
                List<org.eclipse.lsp4j.Diagnostic> matching = new ArrayList<>();
                for (var d : analysis.diagnostics()) {
                    if (f.key().equals(d.code()) && d.range().equals(dev.stowage.lsp.core.DiagnosticConverter.toRange(f.range(), lines))) matching.add(Lsp.diagnostic(d));
                }
                for (CodeFix fix : fixes.fixesFor(analysis.snapshot().text(), f)) out.add(Either.forRight(Lsp.codeAction(uri, fix, matching)));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFuture.supplyAsync(() -> {
            String uri = params.getTextDocument() == null ? null : params.getTextDocument().getUri();
            DocumentSnapshot doc = uri == null ? null : documents.get(uri);
            if (doc == null || params.getPosition() == null) return null;
            // The engine's facts at this place, for this very text: no staleness guessed from the findings.
            String markdown = hovers.hover(doc, params.getPosition().getLine(), params.getPosition().getCharacter(), settingsFor(doc));
            return markdown == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        });
    }

    /** The analysis of the document's current version, waiting for it if it is under way; {@code null} if unknown. */
    private DocumentAnalysis currentAnalysis(String uri) {
        if (uri == null) return null;
        DocumentSnapshot doc = documents.get(uri);
        if (doc == null) return null;
        CompletableFuture<DocumentAnalysis> result = scheduler.resultFor(uri);
        try {
            DocumentAnalysis a = result == null ? null : result.get(30, java.util.concurrent.TimeUnit.SECONDS);
            return a != null && a.version() == doc.version() ? a : null;
        } catch (Exception e) {
            return null;
        }
    }

    // ---- workspace ------------------------------------------------------------------------------

    /**
     * Trust: the client's {@code initializationOptions.workspaceTrusted} decides when it sent one (an
     * editor with workspace trust, like VS Code); otherwise the setting {@code stowage.project.trusted}
     * (other clients: the user's own editor configuration). Default: restricted.
     */
    private void applyTrust(JsonElement json) {
        Boolean trusted = clientTrust;
        if (trusted == null) trusted = WorkspaceTrust.settingSaid(json).orElse(settingTrust);
        settingTrust = trusted;
        workspace.classpaths().setTrusted(Boolean.TRUE.equals(trusted));
        log.accept("workspace " + (Boolean.TRUE.equals(trusted) ? "trusted: Maven may compute classpaths (on a sanitized copy of the poms)"
                : "restricted: no build tool runs; analysing against the bundled runtime and qualifiers"));
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (params.getSettings() instanceof JsonElement json) {
            WorkspaceTrust.clientSaid(json).ifPresent(t -> clientTrust = t);
            applySettings(json);
            applyTrust(json);
        }
        prefetch.reset();
        workspace.reset();
        analyzer.forgetAll();
        for (DocumentSnapshot doc : documents.values()) scheduler.submit(doc);
        LanguageClient c = client;
        if (c != null && !push) c.refreshDiagnostics().exceptionally(e -> null);
    }

    private void applySettings(JsonElement json) {
        List<String> problems = new ArrayList<>();
        settings = SettingsParser.apply(settings, json, problems::add);
        for (String p : problems) {
            log.accept("settings: " + p);
            LanguageClient c = client;
            if (c != null) c.showMessage(new MessageParams(MessageType.Warning, "Stowage: " + p));
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        for (FileEvent e : params.getChanges()) {
            if (e.getUri() != null && e.getUri().endsWith("pom.xml")) pomChanged(e.getUri());
        }
    }

    private void pomChanged(String uri) {
        log.accept(uri + " changed: the Maven classpath will be computed again");
        try {
            workspace.classpaths().invalidate(Path.of(URI.create(uri)));
        } catch (RuntimeException e) {
            workspace.classpaths().invalidateAll();
        }
        prefetch.reset();
        workspace.reset();
        analyzer.forgetAll();
        for (DocumentSnapshot doc : documents.values()) scheduler.submit(doc);
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (!ANALYZE_WORKSPACE.equals(params.getCommand())) {
            CompletableFuture<Object> failed = new CompletableFuture<>();
            failed.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "unknown command '" + params.getCommand() + "'; this server has: " + ANALYZE_WORKSPACE, null)));
            return failed;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Object> answer = new CompletableFuture<>();
        // $/cancelRequest cancels the answer (LSP4J); that must stop the run, which polls the flag.
        answer.whenComplete((r, e) -> {
            if (answer.isCancelled()) cancelled.set(true);
        });
        CompletableFuture.runAsync(() -> {
            try {
                answer.complete(analyzeWorkspace(cancelled));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private Object analyzeWorkspace(AtomicBoolean cancelled) {
        String token = "stowage-workspace-" + UUID.randomUUID();
        workspaceRuns.put(token, cancelled);
        LanguageClient c = client;
        boolean progress = c != null && progressSupported;
        try {
            if (progress) {
                c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).get(10, java.util.concurrent.TimeUnit.SECONDS);
                WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
                begin.setTitle("Stowage: analysing the workspace");
                begin.setCancellable(true);
                begin.setPercentage(0);
                c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
            }
            WorkspaceAnalysis.Summary summary = new WorkspaceAnalysis(batchAnalyzer).run(List.copyOf(roots),
                    file -> documents.get(file.toUri().toString()), doc -> prefetch.awaitSettingsFor(doc.analysisPath(), settings, cancelled::get),
                    (done, total, current) -> {
                        if (!progress) return;
                        WorkDoneProgressReport report = new WorkDoneProgressReport();
                        report.setMessage(done + "/" + total + (current == null ? "" : " " + current.getFileName()));
                        report.setPercentage(total == 0 ? 100 : done * 100 / total);
                        report.setCancellable(true);
                        c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(report)));
                    },
                    analysis -> {
                        // Open documents keep their own, newer-or-equal analysis; the others get this one.
                        if (c != null && push && !documents.containsKey(analysis.uri())) {
                            c.publishDiagnostics(new PublishDiagnosticsParams(analysis.uri(), Lsp.diagnostics(analysis.diagnostics())));
                        }
                    },
                    cancelled::get);
            if (progress) {
                WorkDoneProgressEnd end = new WorkDoneProgressEnd();
                end.setMessage(summary.describe());
                c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(end)));
            }
            log.accept("workspace analysis: " + summary.describe());
            return summary.describe();
        } catch (Exception e) {
            log.accept("workspace analysis failed: " + e);
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError, "workspace analysis failed: " + e.getMessage(), null));
        } finally {
            workspaceRuns.remove(token);
        }
    }

    static String version() {
        String v = StowageLanguageServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
