package dev.stowage.lsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.support.FakeEngine;
import dev.stowage.lsp.support.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling a request ($/cancelRequest) stops the analysis behind it, not only its answer. */
class CancellationTest {

    static final String URI = "file:///tmp/stowage-test/src/main/java/demo/Demo.java";
    static final String TEXT = "package demo;\nclass Demo {\n    void run() { grow(1); use(STALE_p); }\n}\n";

    @Test
    void cancellingAPullForDiagnosticsStopsItsAnalysisAndTheNextPullStartsItAgain() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.millisPerAnalysis = 60_000; // polls the cancel flag every millisecond, like the checker between methods
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, true);
            client.open(URI, 1, TEXT);
            CompletableFuture<DocumentDiagnosticReport> pull = client.server.getTextDocumentService()
                    .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)));
            awaitAnalyses(engine, 1);
            pull.cancel(true); // LSP4J sends $/cancelRequest
            awaitCancelledRuns(engine, 1);

            engine.millisPerAnalysis = 0;
            DocumentDiagnosticReport report = client.server.getTextDocumentService()
                    .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI))).get(10, TimeUnit.SECONDS);
            assertEquals("pointer.stale", report.getLeft().getItems().get(0).getCode().getLeft());
        }
    }

    @Test
    void cancellingTheWorkspaceCommandStopsTheFileUnderAnalysis(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("src/main/java/a"));
        for (String name : List.of("A", "B", "C")) {
            Files.writeString(root.resolve("src/main/java/a/" + name + ".java"), "package a; class " + name + " { }");
        }
        FakeEngine engine = new FakeEngine();
        engine.millisPerAnalysis = 60_000;
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(root.toUri().toString(), null, false);
            CompletableFuture<Object> run = client.server.getWorkspaceService()
                    .executeCommand(new ExecuteCommandParams(StowageLanguageServer.ANALYZE_WORKSPACE, List.of()));
            awaitAnalyses(engine, 1);
            run.cancel(true);
            awaitCancelledRuns(engine, 1);
            Thread.sleep(200);
            assertEquals(1, engine.analyses.get(), "no further file was started");

            // The engine is free again: a document opened now is analysed.
            engine.millisPerAnalysis = 0;
            client.open(URI, 1, TEXT);
            assertEquals(1, client.awaitVersion(URI, 1).getDiagnostics().size());
        }
    }

    private static void awaitAnalyses(FakeEngine engine, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.analyses.get() < n && System.nanoTime() < end) Thread.sleep(5);
        assertTrue(engine.analyses.get() >= n, "the analysis started");
    }

    private static void awaitCancelledRuns(FakeEngine engine, int n) throws InterruptedException {
        // Generous: the machine may be busy; without the fix the run goes on for a minute.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.cancelledRuns.get() < n && System.nanoTime() < end) Thread.sleep(5);
        assertTrue(engine.cancelledRuns.get() >= n, "the analysis was stopped");
    }
}
