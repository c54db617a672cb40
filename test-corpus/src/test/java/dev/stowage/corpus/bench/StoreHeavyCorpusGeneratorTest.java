package dev.stowage.corpus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's store-heavy corpus: deterministic, as large as asked, and correct code (nothing to report). */
class StoreHeavyCorpusGeneratorTest {

    @Test
    void generatesTheSameCorpusEveryTime(@TempDir Path first, @TempDir Path second) throws IOException {
        int[] a = StoreHeavyCorpusGenerator.generate(first, 2_000);
        int[] b = StoreHeavyCorpusGenerator.generate(second, 2_000);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertTrue(a[1] >= 2_000, "at least the lines asked for: " + a[1]);
        for (Path file : sources(first)) {
            assertEquals(Files.readString(file), Files.readString(second.resolve(first.relativize(file))), file.toString());
        }
    }

    @Test
    void theGeneratedCodeCompilesAndTheCheckerFindsNothingInIt(@TempDir Path out) throws IOException {
        StoreHeavyCorpusGenerator.generate(out, 600);
        List<SourceInput> inputs = new ArrayList<>();
        for (Path file : sources(out)) {
            inputs.add(new SourceInput(out.relativize(file).toString(), Files.readString(file)));
        }
        AnalysisResult result = new StowageAnalyzer(new AnalyzerOptions(dev.stowage.corpus.CorpusPathsAccess.scenarioClasspath(), List.of()))
                .analyze(inputs, () -> false);
        assertFalse(result.hasCompileErrors(), () -> "the generated code must compile: " + result.compilerMessages());
        assertEquals(List.of(), result.findings(), "the generated code is correct: every finding is a false report");
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
