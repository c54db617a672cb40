package dev.stowage.lsp.protocol;

import static org.junit.jupiter.api.Assertions.*;

import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.support.FakeEngine;
import dev.stowage.lsp.support.TestClient;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bursts of edits: the final diagnostics always match the final text, and memory stays bounded.
 * The 1,000-edit burst runs in every build; the 10,000-edit heap check is tagged {@code soak}
 * (run it with {@code -Dlsp.excludedGroups=}).
 */
class SoakTest {

    static final String URI = "file:///tmp/stowage-soak/Soak.java";
    static final String START = "class Soak {\n    void f() {\n        grow(1);\n    }\n}\n";

    /** Applies a random valid edit to the client's own copy (independently of the server's code) and sends it. */
    static String randomEdit(TestClient client, int version, String text, Random random) {
        String[] lines = text.split("\n", -1);
        int line = random.nextInt(lines.length);
        int col = random.nextInt(lines[line].length() + 1);
        int endLine = Math.min(lines.length - 1, line + (random.nextInt(4) == 0 ? 1 : 0));
        int endCol = endLine == line ? Math.min(lines[line].length(), col + random.nextInt(3)) : random.nextInt(lines[endLine].length() + 1);
        String[] insertions = {"STALE_a", "x", "\n", " ", "STALE_b(", ";", "", "é", "\r\n", "STALE_" + version};
        String insert = insertions[random.nextInt(insertions.length)];
        int start = offset(lines, line, col), end = offset(lines, endLine, endCol);
        client.edit(URI, version, new Range(new Position(line, col), new Position(endLine, endCol)), insert);
        return text.substring(0, start) + insert + text.substring(end);
    }

    static int offset(String[] lines, int line, int col) {
        int o = 0;
        for (int i = 0; i < line; i++) o += lines[i].length() + 1;
        return o + col;
    }

    static void assertMatchesText(PublishDiagnosticsParams p, String text) {
        // With the fake engine, a text that javac cannot parse has no stowage diagnostics; one that parses has one per STALE_x.
        long stowage = p.getDiagnostics().stream().filter(d -> "stowage".equals(d.getSource())).count();
        long javac = p.getDiagnostics().stream().filter(d -> "javac".equals(d.getSource())).count();
        if (javac == 0) assertEquals(FakeEngine.expectedFindings("x", text).size(), stowage, "final text:\n" + text + "\n" + p);
        else assertEquals(0, stowage, "a text with syntax errors has no findings: " + p);
    }

    @Test
    void aBurstOfAThousandEditsEndsWithTheDiagnosticsOfTheFinalText() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.millisPerAnalysis = 5;
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, START);
            String text = START;
            Random random = new Random(1234);
            for (int v = 2; v <= 1001; v++) text = randomEdit(client, v, text, random);
            PublishDiagnosticsParams last = client.awaitVersion(URI, 1001);
            assertMatchesText(last, text);
            Thread.sleep(300);
            List<PublishDiagnosticsParams> all = client.publishedFor(URI);
            assertEquals(1001, all.get(all.size() - 1).getVersion(), "nothing older arrives after the newest");
            assertTrue(engine.analyses.get() < 500, "bursts are debounced or cancelled: " + engine.analyses.get() + " analyses for 1000 edits");
            for (Diagnostic d : last.getDiagnostics()) {
                assertTrue(d.getRange().getStart().getLine() <= text.split("\n", -1).length, "ranges lie in the final text: " + d);
            }
        }
    }

    @Test
    @Tag("soak")
    void tenThousandEditsKeepTheHeapBounded() throws Exception {
        FakeEngine engine = new FakeEngine();
        try (TestClient client = new TestClient(FakeEngine.factory(engine), TestClient.noMaven(), Settings.defaults())) {
            client.initialize(null, null, false);
            client.open(URI, 1, START);
            String text = START;
            Random random = new Random(99);
            long heapAfterWarmup = 0;
            for (int v = 2; v <= 10_001; v++) {
                text = randomEdit(client, v, text, random);
                if (text.length() > 20_000) {          // keep the document a realistic size
                    v++;
                    client.replaceAll(URI, v, START);
                    text = START;
                }
                if (v % 100 == 0) {
                    assertMatchesText(client.awaitVersion(URI, v), text);
                    client.published.clear();         // the test client's own record, not the server's state
                }
                if (v == 1_000) heapAfterWarmup = usedHeapAfterGc();
            }
            long heapAtEnd = usedHeapAfterGc();
            assertTrue(heapAtEnd - heapAfterWarmup < 48L * 1024 * 1024,
                    "heap grew by " + (heapAtEnd - heapAfterWarmup) / 1024 + " KiB over 9,000 edits");
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
