package dev.stowage.lsp.support;

import dev.stowage.lsp.core.Engine;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.protocol.ServerLauncher;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP client in the test's JVM, talking JSON-RPC to a real server over piped streams: what a
 * test sends and receives is exactly what an editor would.
 */
public final class TestClient implements LanguageClient, AutoCloseable {

    public final Map<String, List<PublishDiagnosticsParams>> published = new ConcurrentHashMap<>();
    public final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    public final List<String> log = new CopyOnWriteArrayList<>();
    public final AtomicInteger exitCode = new AtomicInteger(-1);
    public final LanguageServer server;
    public final ServerLauncher.Running running;
    public final PipedOutputStream toServer;
    private final Object lock = new Object();

    public TestClient(Engine.Factory engines, dev.stowage.project.ClasspathProvider maven, Settings settings) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        running = ServerLauncher.start(serverIn, serverOut, engines, maven, settings, log::add, exitCode::set);
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** A build tool that knows no dependencies (and runs nothing). */
    public static dev.stowage.project.ClasspathProvider noMaven() {
        return dev.stowage.project.ClasspathProvider.NONE;
    }

    public InitializeResult initialize(String rootUri, Object options, boolean pullCapable) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setRootUri(rootUri);
        p.setInitializationOptions(options);
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        if (pullCapable) td.setDiagnostic(new DiagnosticCapabilities());
        caps.setTextDocument(td);
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        p.setCapabilities(caps);
        InitializeResult r = server.initialize(p).get();
        server.initialized(new InitializedParams());
        return r;
    }

    public void open(String uri, int version, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "java", version, text)));
    }

    public void replaceAll(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    public void edit(String uri, int version, Range range, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    /** Waits for a publication for the uri that satisfies the condition; returns it. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<PublishDiagnosticsParams> list = published.getOrDefault(uri, List.of());
                for (int i = list.size() - 1; i >= 0; i--) if (condition.test(list.get(i))) return list.get(i);
                long left = end - System.nanoTime();
                if (left <= 0) throw new AssertionError("no diagnostics for " + uri + " matched within " + timeout + "; got " + list);
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public PublishDiagnosticsParams awaitVersion(String uri, int version) throws InterruptedException {
        return awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == version, Duration.ofSeconds(60));
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        synchronized (lock) {
            published.computeIfAbsent(diagnostics.getUri(), k -> new CopyOnWriteArrayList<>()).add(diagnostics);
            lock.notifyAll();
        }
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {
        log.add("showMessage: " + messageParams.getMessage());
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        log.add(message.getMessage());
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    public List<PublishDiagnosticsParams> publishedFor(String uri) {
        return new ArrayList<>(published.getOrDefault(uri, List.of()));
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, java.util.concurrent.TimeUnit.SECONDS);
            server.exit();
        } catch (Exception ignored) {
            // the test may have ended the connection itself
        }
        toServer.close();
    }

    public static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
