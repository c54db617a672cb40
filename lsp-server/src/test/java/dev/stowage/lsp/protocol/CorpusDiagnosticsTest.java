package dev.stowage.lsp.protocol;

import static org.junit.jupiter.api.Assertions.*;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import dev.stowage.lsp.core.LineMap;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.support.Corpus;
import dev.stowage.lsp.support.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;

/**
 * One engine for IDE, build and CI: for every corpus file, what the server publishes over LSP is
 * exactly what the checker's engine finds in the same text (key and range), and nothing else.
 */
class CorpusDiagnosticsTest {

    private static String describe(String key, int sl, int sc, int el, int ec) {
        return key + "@" + (sl + 1) + ":" + (sc + 1) + "-" + (el + 1) + ":" + (ec + 1);
    }

    @Test
    void everyCorpusFilesDiagnosticsAreTheEnginesFindings() throws Exception {
        List<Path> all = Corpus.files();
        assertTrue(all.size() > 50, "the corpus is there: " + all.size());
        // The normal build takes every n-th file (n = lsp.corpusStride, 8 by default); -Dlsp.corpusStride=1 takes all.
        int stride = Integer.getInteger("stowage.lsp.corpusStride", 8);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i += Math.max(1, stride)) files.add(all.get(i));
        List<String> classpath = Corpus.classpath();
        Settings settings = Settings.defaults().withClasspath(classpath).withDebounceMillis(0);

        // The engine, run directly on each file as the build runs it (no extra options: the server's
        // source path and speed options must not change a finding).
        Map<String, List<String>> expected = new TreeMap<>();
        StowageAnalyzer engine = new StowageAnalyzer(new AnalyzerOptions(classpath.stream().map(Path::of).toList(), List.of()));
        for (Path file : files) {
            String text = Files.readString(file);
            AnalysisResult result = engine.analyze(List.of(new SourceInput(file.toString(), text)), () -> false);
            LineMap lines = new LineMap(text);
            List<String> keys = new ArrayList<>();
            for (Finding f : result.findings()) {
                var r = lines.rangeOf(f.range().startOffset(), Math.max(f.range().endOffset(), f.range().startOffset() + 1));
                keys.add(describe(f.key(), r.startLine(), r.startCharacter(), r.endLine(), r.endCharacter()));
            }
            expected.put(file.toUri().toString(), keys);
        }

        Map<String, List<String>> published = new TreeMap<>();
        try (TestClient client = new TestClient(StowageEngineFactory.checker(), TestClient.noMaven(), settings)) {
            client.initialize(Corpus.repoRoot().toUri().toString(), null, false);
            for (Path file : files) client.open(file.toUri().toString(), 1, Files.readString(file));
            for (Path file : files) {
                PublishDiagnosticsParams p = client.awaitVersion(file.toUri().toString(), 1);
                List<String> keys = new ArrayList<>();
                for (Diagnostic d : p.getDiagnostics()) {
                    if (!"stowage".equals(d.getSource())) continue;
                    keys.add(describe(d.getCode().getLeft(), d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter(),
                            d.getRange().getEnd().getLine(), d.getRange().getEnd().getCharacter()));
                }
                published.put(file.toUri().toString(), keys);
            }
        }
        int findings = expected.values().stream().mapToInt(List::size).sum();
        assertTrue(findings >= files.size() / 4, "the engine finds the corpus' bugs: " + findings + " in " + files.size() + " files");
        assertEquals(expected, published);
    }
}
