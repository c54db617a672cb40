package dev.stowage.lsp.protocol;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.support.FakeEngine;
import dev.stowage.lsp.support.RawConnection;
import dev.stowage.lsp.support.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server seen from a real LSP client over JSON-RPC, with an engine whose findings follow from the text. */
class ProtocolTest {

    static final String URI = "file:///tmp/stowage-test/src/main/java/demo/Demo.java";
    static final String TEXT = """
            package demo;
            class Demo {
                void run() {
                    grow(1);
                    use(STALE_p);
                }
            }
            """;

    @Test
    void aFindingBecomesADiagnosticWithItsKeyLinkRangeAndTheInvalidatingCallAsRelatedInformation() throws Exception {
        FakeEngine engine = new FakeEngine();
        Settings settings = Settings.defaults().withRulesBaseUrl("https://example.org/docs/rules/");
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), settings)) {
            InitializeResult init = client.initialize(null, null, false);
            assertNotNull(init.getCapabilities().getDiagnosticProvider(), "pull diagnostics are offered");
            client.open(URI, 1, TEXT);
            PublishDiagnosticsParams p = client.awaitVersion(URI, 1);
            assertEquals(1, p.getDiagnostics().size(), p.toString());
            Diagnostic d = p.getDiagnostics().get(0);
            assertEquals("pointer.stale", d.getCode().getLeft());
            assertEquals("stowage", d.getSource());
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
            assertEquals("https://example.org/docs/rules/pointer.stale.md", d.getCodeDescription().getHref());
            assertEquals(new Range(new Position(4, 12), new Position(4, 19)), d.getRange());
            assertEquals(1, d.getRelatedInformation().size());
            assertEquals(URI, d.getRelatedInformation().get(0).getLocation().getUri());
            assertEquals(new Range(new Position(3, 8), new Position(3, 12)), d.getRelatedInformation().get(0).getLocation().getRange());
            assertTrue(d.getMessage().getLeft().contains("at line 4"), d.getMessage().getLeft());
        }
    }

    @Test
    void anEditReplacesTheDiagnosticsAndNoOlderVersionIsPublishedAfterANewerOne() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.millisPerAnalysis = 40;
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults().withDebounceMillis(5))) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT);
            String text = TEXT;
            for (int v = 2; v <= 40; v++) {
                // Each edit adds a stale use on a new line before the closing braces.
                int at = text.lastIndexOf("    }");
                text = text.substring(0, at) + "        use(STALE_q" + v + ");\n" + text.substring(at);
                client.replaceAll(URI, v, text);
            }
            PublishDiagnosticsParams last = client.awaitVersion(URI, 40);
            assertEquals(FakeEngine.expectedFindings("x", text).size(), last.getDiagnostics().size());
            Thread.sleep(300);
            List<PublishDiagnosticsParams> all = client.publishedFor(URI);
            assertEquals(40, all.get(all.size() - 1).getVersion(), "the newest version is the last one published");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).getVersion() > all.get(i - 1).getVersion(), "versions only go up: " + all);
            }
            assertTrue(engine.analyses.get() < 40, "older versions were cancelled or skipped, ran " + engine.analyses.get());
        }
    }

    @Test
    void pullDiagnosticsAnswerForTheNewestText() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, true);
            client.open(URI, 1, TEXT);
            client.replaceAll(URI, 2, TEXT.replace("use(STALE_p);", "use(STALE_p); use(STALE_r);"));
            DocumentDiagnosticReport report = client.server.getTextDocumentService()
                    .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI))).get();
            assertEquals(2, report.getLeft().getItems().size());
            assertEquals("2", report.getLeft().getResultId());
            Thread.sleep(200);
            assertTrue(client.publishedFor(URI).isEmpty(), "a pulling client gets no pushed duplicates");
        }
    }

    @Test
    void aTextThatDoesNotParseGetsJavacErrorsAndNoFindings() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT.replace("use(STALE_p);", "use(STALE_p"));
            PublishDiagnosticsParams p = client.awaitVersion(URI, 1);
            assertFalse(p.getDiagnostics().isEmpty());
            assertTrue(p.getDiagnostics().stream().allMatch(d -> d.getSource().equals("javac")), p.toString());
            assertEquals(0, engine.analyses.get(), "the checker does not run on text that does not parse");
            client.replaceAll(URI, 2, TEXT);
            assertEquals("stowage", client.awaitVersion(URI, 2).getDiagnostics().get(0).getSource());
        }
    }

    @Test
    void severitiesFromTheConfigurationApplyAtOnce() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT);
            client.awaitVersion(URI, 1);
            JsonObject settings = JsonParser.parseString("{\"stowage\":{\"severities\":{\"pointer.stale\":\"warning\"}}}").getAsJsonObject();
            client.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
            client.awaitDiagnostics(URI, p -> !p.getDiagnostics().isEmpty() && p.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Warning, Duration.ofSeconds(30));
            JsonObject off = JsonParser.parseString("{\"stowage\":{\"severities\":{\"pointer.stale\":\"off\", \"x\": \"loud\"}}}").getAsJsonObject();
            client.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(off));
            client.awaitDiagnostics(URI, p -> p.getDiagnostics().isEmpty(), Duration.ofSeconds(30));
            assertTrue(client.log.stream().anyMatch(l -> l.contains("unknown severity 'loud'")), client.log.toString());
        }
    }

    @Test
    void quickFixesComeAsWorkspaceEditsForTheFindingUnderTheCursor() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT);
            client.awaitVersion(URI, 1);
            List<Either<Command, CodeAction>> actions = client.server.getTextDocumentService().codeAction(new CodeActionParams(
                    new TextDocumentIdentifier(URI), new Range(new Position(4, 14), new Position(4, 14)), new CodeActionContext(List.of()))).get();
            assertFalse(actions.isEmpty());
            CodeAction suppress = actions.stream().map(Either::getRight).filter(a -> a.getTitle().startsWith("Suppress")).findFirst().orElseThrow();
            assertEquals(CodeActionKind.QuickFix, suppress.getKind());
            List<TextEdit> edits = suppress.getEdit().getChanges().get(URI);
            assertEquals(1, edits.size());
            assertTrue(edits.get(0).getNewText().contains("@SuppressWarnings(\"stowage:pointer.stale\")"), edits.toString());
            assertEquals(1, suppress.getDiagnostics().size(), "the action names the diagnostic it fixes");
            // Nothing under the cursor elsewhere.
            assertTrue(client.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                    new Range(new Position(0, 0), new Position(0, 1)), new CodeActionContext(List.of()))).get().isEmpty());
        }
    }

    @Test
    void positionsOutOfRangeAndUnknownDocumentsAreAnsweredNotFailed() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, TEXT);
            client.awaitVersion(URI, 1);
            // An edit far past the end is clamped to the end of the text.
            client.edit(URI, 2, new Range(new Position(500, 3), new Position(900, 0)), "// tail\n");
            client.awaitVersion(URI, 2);
            assertNull(client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(10_000, 5))).get());
            assertNull(client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier("file:///nowhere/X.java"), new Position(0, 0))).get());
            assertTrue(client.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                    new Range(new Position(-3, -1), new Position(99_999, 0)), new CodeActionContext(List.of()))).get().size() >= 1);
            client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier("file:///never/Opened.java", 3),
                    List.of(new TextDocumentContentChangeEvent("x"))));
            client.edit(URI, 3, new Range(new Position(4, 8), new Position(4, 8)), "int a; ");
            assertEquals(1, client.awaitVersion(URI, 3).getDiagnostics().size());
        }
    }

    @Test
    void unknownMethodsMalformedJsonAndBrokenFramesLeaveTheServerAnswering() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (RawConnection raw = new RawConnection(engine)) {
            raw.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            raw.await("\"id\":1", 30);
            raw.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stowage/doesNotExist\",\"params\":{}}");
            String unknown = raw.await("\"id\":2", 10);
            assertTrue(unknown.contains("-32601"), "MethodNotFound: " + unknown);
            raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/someNotification\",\"params\":{}}");
            raw.send("{ this is not json");
            raw.send("[1, 2, ");
            raw.sendRaw("garbage line without colon\r\n\r\n");
            raw.sendRaw("Content-Length: banana\r\n\r\n");
            raw.sendRaw("Content-Length: 999999999999\r\n\r\n");   // declared but never sent: read past
            raw.close();
        }
        // A second connection: frames after a broken one still work (the skipping above ended the first).
        try (RawConnection raw = new RawConnection(engine)) {
            raw.sendRaw("Content-Length: banana\r\n\r\n");
            raw.send("{ this is not json");
            raw.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":42},\"position\":\"here\"}}");
            raw.send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            raw.await("\"id\":8", 30);
            raw.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\"}");
            raw.await("\"id\":9", 10);
            raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            long end = System.nanoTime() + 10_000_000_000L;
            while (raw.exitCode.get() < 0 && System.nanoTime() < end) Thread.sleep(20);
            assertEquals(0, raw.exitCode.get(), "exit after shutdown ends with 0");
        }
    }

    @Test
    void analysingTheWorkspaceReportsProgressAndPublishesEveryFile(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("src/main/java/a"));
        Files.createDirectories(root.resolve("target/classes"));
        Files.writeString(root.resolve("src/main/java/a/A.java"), "package a; class A { void f() { grow(1); use(STALE_x); } }");
        Files.writeString(root.resolve("src/main/java/a/B.java"), "package a; class B { }");
        Files.writeString(root.resolve("target/classes/Ignored.java"), "class Ignored { STALE_y }");
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(root.toUri().toString(), null, false);
            Object result = client.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(StowageLanguageServer.ANALYZE_WORKSPACE, List.of())).get();
            assertTrue(result.toString().contains("2 files analysed: 1 findings in 1 files"), result.toString());
            String a = root.resolve("src/main/java/a/A.java").toUri().toString();
            assertEquals(1, client.awaitDiagnostics(a, p -> true, Duration.ofSeconds(10)).getDiagnostics().size());
            assertTrue(client.progress.get(0).getValue().getLeft() instanceof WorkDoneProgressBegin);
            assertTrue(client.progress.get(client.progress.size() - 1).getValue().getLeft() instanceof WorkDoneProgressEnd);
            assertTrue(client.progress.stream().anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressReport));
        }
    }
}
