package dev.stowage.lsp.core;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.SourceInput;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The analysis the server runs: the checker's in-process engine in production, hand-made findings in
 * tests. One instance is kept warm per workspace and classpath.
 */
public interface Engine {

    /**
     * Analyses the sources as given (unsaved text included) and returns the findings as data.
     *
     * @param cancelled polled by the analysis; when it turns true the result is marked cancelled
     */
    AnalysisResult analyze(List<SourceInput> sources, BooleanSupplier cancelled);

    /**
     * The engine's facts about the variable at {@code offset} of source {@code path} (for hover);
     * empty when there is none, and always for an engine that has no flow facts (test engines).
     */
    default java.util.Optional<dev.stowage.checker.api.ValueFacts> factsAt(List<SourceInput> sources, String path, int offset,
            BooleanSupplier cancelled) {
        return java.util.Optional.empty();
    }

    /** Makes engines for a classpath; the server keeps one engine per distinct classpath. */
    @FunctionalInterface
    interface Factory {
        Engine create(List<String> classpath, List<String> javacOptions);
    }
}
