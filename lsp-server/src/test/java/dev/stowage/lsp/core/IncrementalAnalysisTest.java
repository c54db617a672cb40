package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.*;

import dev.stowage.lsp.protocol.StowageEngineFactory;
import dev.stowage.lsp.support.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Method-level reuse gives exactly what a full analysis gives: on corpus files with findings, random
 * edits inside method bodies (lines added, removed, changed) are analysed both ways with the real
 * engine, and the diagnostics (key, range, message, related places) must be equal.
 */
class IncrementalAnalysisTest {

    @Test
    void editsInsideMethodBodiesGiveTheSameDiagnosticsAsAFullAnalysis() throws Exception {
        Settings settings = Settings.defaults().withClasspath(Corpus.classpath());
        Workspace workspace = new Workspace(new ClasspathService(dev.stowage.project.ClasspathProvider.NONE, s -> {}), StowageEngineFactory.checker(), s -> {});
        JavaSyntax syntax = new JavaSyntax();
        DocumentAnalyzer incremental = new DocumentAnalyzer(workspace, syntax);
        DocumentAnalyzer full = new DocumentAnalyzer(workspace, syntax);
        full.setIncremental(false);

        // Subjects: corpus files with several methods and a finding (where reuse matters), and a
        // generated store-heavy file with many methods, a fifth of them buggy.
        List<Path> candidates = new ArrayList<>();
        for (Path p : Corpus.files()) {
            String t = Files.readString(p);
            if (t.contains(":: error:") && syntax.parse(p.toString(), t).methods().size() >= 2) candidates.add(p);
        }
        assertTrue(candidates.size() >= 2, "corpus files with several methods and findings: " + candidates);
        Path heavy = Files.createTempDirectory("stowage-incremental").resolve("Heavy.java");
        Files.writeString(heavy, dev.stowage.lsp.bench.StoreHeavySource.generate("bench.Heavy", 8));
        List<Path> subjects = new ArrayList<>(candidates.subList(0, Math.min(4, candidates.size())));
        subjects.add(heavy);
        Random random = new Random(7);
        int incrementalRuns = 0, compared = 0;
        for (Path file : subjects) {
            String uri = file.toUri().toString();
            String text = Files.readString(file);
            int version = 1;
            incremental.analyze(new DocumentSnapshot(uri, version, text), settings, () -> false);
            for (int round = 0; round < (file == heavy ? 6 : 3); round++) {
                JavaSyntax.Outline outline = syntax.parse(file.toString(), text);
                if (outline.methods().isEmpty()) break;
                JavaSyntax.MethodBody m = outline.methods().get(random.nextInt(outline.methods().size()));
                text = editInside(text, m, random);
                version++;
                DocumentAnalysis a = incremental.analyze(new DocumentSnapshot(uri, version, text), settings, () -> false);
                if (incremental.lastMode() == DocumentAnalyzer.Mode.INCREMENTAL) incrementalRuns++;
                DocumentAnalysis b = full.analyze(new DocumentSnapshot(uri, version, text), settings, () -> false);
                assertEquals(render(b), render(a), "after edit " + round + " of " + file.getFileName() + ":\n" + text);
                compared++;
            }
        }
        assertTrue(incrementalRuns >= compared / 3, "analyses reused methods: " + incrementalRuns + " of " + compared);
    }

    /** Adds a comment line, duplicates a statement line or removes one, inside the body. */
    static String editInside(String text, JavaSyntax.MethodBody m, Random random) {
        int bodyOpen = m.bodyStart() + 1;
        int firstLine = text.indexOf('\n', bodyOpen) + 1;
        int close = m.bodyEnd() - 1;
        if (firstLine <= 0 || firstLine >= close) return text.substring(0, bodyOpen) + " int unusedLocal = 1; " + text.substring(bodyOpen);
        List<Integer> lineStarts = new ArrayList<>();
        for (int i = firstLine; i < close; i = text.indexOf('\n', i) + 1) {
            lineStarts.add(i);
            if (text.indexOf('\n', i) < 0) break;
        }
        int at = lineStarts.get(random.nextInt(lineStarts.size()));
        int end = text.indexOf('\n', at) + 1;
        String line = text.substring(at, end);
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + "        // an edit\n\n" + text.substring(at);
            case 1 -> line.trim().endsWith(";") && line.contains("=") == false ? text.substring(0, end) + line + text.substring(end)
                    : text.substring(0, at) + "        int added" + at + " = 0;\n" + text.substring(at);
            default -> line.trim().startsWith("//") || line.trim().endsWith(";") ? text.substring(0, at) + text.substring(end)
                    : text.substring(0, at) + "\n" + text.substring(at);
        };
    }

    static List<String> render(DocumentAnalysis a) {
        List<String> out = new ArrayList<>();
        for (StowageDiagnostic d : a.diagnostics()) {
            StringBuilder s = new StringBuilder(d.range() + " " + d.source() + " [" + d.code() + "] " + d.message());
            for (StowageDiagnostic.Related r : d.related()) s.append(" | ").append(r.range()).append(' ').append(r.message());
            out.add(s.toString());
        }
        return out;
    }
}
