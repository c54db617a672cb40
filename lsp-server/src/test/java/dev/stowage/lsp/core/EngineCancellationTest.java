package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import dev.stowage.lsp.bench.StoreHeavySource;
import dev.stowage.lsp.support.Corpus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real engine stops inside one large class when its cancel check turns true: the checker polls
 * before each method, not only between classes and compiler phases (the latency is measured by
 * scripts/bench-lsp-cancel.sh, not here).
 */
class EngineCancellationTest {

    @Test
    void aCancelDuringTheCheckOfOneLargeClassStopsItBeforeItsLastMethod() {
        String text = StoreHeavySource.generate("bench.Large", 100); // one class, 100 methods, a finding in every fifth
        List<SourceInput> sources = List.of(new SourceInput("bench/Large.java", text));
        StowageAnalyzer engine = new StowageAnalyzer(new AnalyzerOptions(Corpus.classpath().stream().map(Path::of).toList(), List.of("-Aignorejdkastub")));

        AnalysisResult full = engine.analyze(sources, () -> false);
        assertFalse(full.cancelled());
        assertEquals(20, full.findings().size());

        // Turn the flag on at the 30th poll: far more polls than the compiler's phases and classes give.
        AtomicInteger polls = new AtomicInteger();
        AnalysisResult cancelled = engine.analyze(sources, () -> polls.incrementAndGet() >= 30);
        assertTrue(cancelled.cancelled(), "the result says it was cancelled");
        assertTrue(cancelled.findings().size() < full.findings().size(),
                "stopped inside the class: " + cancelled.findings().size() + " of " + full.findings().size() + " findings");
        assertTrue(polls.get() < 40, "and stopped polling soon after: " + polls.get() + " polls");
    }
}
