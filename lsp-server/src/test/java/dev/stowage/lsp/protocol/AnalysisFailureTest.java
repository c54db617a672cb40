package dev.stowage.lsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.lsp.core.AnalysisLimits;
import dev.stowage.lsp.core.DocumentAnalysis;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.support.FakeEngine;
import dev.stowage.lsp.support.TestClient;
import java.time.Duration;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;

/** An analysis that fails or is refused tells the user; a file never looks clean when it was not checked. */
class AnalysisFailureTest {

    static final String URI = "file:///tmp/stowage-test/src/main/java/demo/Demo.java";
    static final String TEXT = "package demo;\nclass Demo {\n    void run() { grow(1); use(STALE_p); }\n}\n";

    @Test
    void anOutOfMemoryErrorInTheAnalysisIsShownOnTheFileAndInAMessageAndTheServerCarriesOn() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.failWith = new OutOfMemoryError("Java heap space");
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT);
            Diagnostic d = onlyDiagnostic(client.awaitVersion(URI, 1));
            assertEquals(DocumentAnalysis.NOT_ANALYSED_CODE, d.getCode().getLeft());
            assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
            assertTrue(d.getMessage().getLeft().contains("ran out of memory"), d.getMessage().getLeft());
            assertTrue(d.getMessage().getLeft().contains("STOWAGE_LSP_HEAP"), "says how to raise the heap: " + d.getMessage().getLeft());
            awaitLog(client, "showMessage: Stowage did not analyse Demo.java: the server ran out of memory");

            // The worker survived: once the engine works again, the findings come.
            engine.failWith = null;
            client.replaceAll(URI, 2, TEXT + " ");
            PublishDiagnosticsParams after = client.awaitVersion(URI, 2);
            assertEquals("pointer.stale", onlyDiagnostic(after).getCode().getLeft());
        }
    }

    @Test
    void anOutOfMemoryErrorThatJavacWrappedIsStillReportedAsOutOfMemory() throws Exception {
        // What a real heap-starved analysis throws: javac hands on the checker's error wrapped
        // (seen with -Xmx64m on a 600,000-character file, docs/benchmarks.md).
        FakeEngine engine = new FakeEngine();
        engine.failWith = new RuntimeException(new OutOfMemoryError("Java heap space"));
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT);
            Diagnostic d = onlyDiagnostic(client.awaitVersion(URI, 1));
            assertTrue(d.getMessage().getLeft().contains("ran out of memory"), d.getMessage().getLeft());
        }
    }

    @Test
    void anInternalErrorIsShownOnTheFileNotAnEmptyList() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.failWith = new IllegalStateException("boom in the checker");
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT);
            Diagnostic d = onlyDiagnostic(client.awaitVersion(URI, 1));
            assertTrue(d.getMessage().getLeft().contains("internal error (java.lang.IllegalStateException: boom in the checker)"),
                    d.getMessage().getLeft());
            awaitLog(client, "showMessage: Stowage did not analyse Demo.java: the analysis failed with an internal error");
            assertTrue(client.log.stream().anyMatch(l -> l.contains("failed: java.lang.IllegalStateException: boom in the checker")), "the log has the error");
            assertTrue(client.log.stream().anyMatch(l -> l.startsWith("    at ")), "and its stack");
        }
    }

    @Test
    void aFileOverTheSizeLimitGetsAClearMessageInsteadOfAnAnalysis() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            ((StowageLanguageServer) client.running.server()).analyzer().setLimits(new AnalysisLimits(TEXT.length() - 1));
            client.open(URI, 1, TEXT);
            Diagnostic d = onlyDiagnostic(client.awaitVersion(URI, 1));
            assertTrue(d.getMessage().getLeft().contains("more than the " + (TEXT.length() - 1)), d.getMessage().getLeft());
            assertEquals(0, engine.analyses.get(), "the engine never saw the file");
            awaitLog(client, "showMessage: Stowage did not analyse Demo.java: it has " + TEXT.length() + " characters");
        }
    }

    private static Diagnostic onlyDiagnostic(PublishDiagnosticsParams p) {
        List<Diagnostic> all = p.getDiagnostics();
        assertEquals(1, all.size(), "diagnostics: " + all);
        return all.get(0);
    }

    private static void awaitLog(TestClient client, String fragment) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (client.log.stream().anyMatch(l -> l.contains(fragment))) return;
            Thread.sleep(20);
        }
        throw new AssertionError("no log line containing '" + fragment + "' in " + client.log);
    }
}
