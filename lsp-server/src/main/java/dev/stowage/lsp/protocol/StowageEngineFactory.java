package dev.stowage.lsp.protocol;

import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.StowageAnalyzer;
import dev.stowage.lsp.core.Engine;
import java.nio.file.Path;
import java.util.List;

/** The production engine: the checker's in-process analyzer, the same one the gate and the build run. */
public final class StowageEngineFactory {
    private StowageEngineFactory() {}

    /** Makes a {@link StowageAnalyzer} per classpath; it checks at once that the JVM has the flags javac needs. */
    public static Engine.Factory checker() {
        return (classpath, javacOptions) -> {
            StowageAnalyzer analyzer = new StowageAnalyzer(new AnalyzerOptions(
                    classpath.stream().map(Path::of).toList(), List.copyOf(javacOptions)));
            return new Engine() {
                @Override
                public dev.stowage.checker.engine.AnalysisResult analyze(List<dev.stowage.checker.engine.SourceInput> sources,
                        java.util.function.BooleanSupplier cancelled) {
                    return analyzer.analyze(sources, cancelled);
                }

                @Override
                public java.util.Optional<dev.stowage.checker.api.ValueFacts> factsAt(List<dev.stowage.checker.engine.SourceInput> sources,
                        String path, int offset, java.util.function.BooleanSupplier cancelled) {
                    return analyzer.factsAt(sources, path, offset, cancelled);
                }
            };
        };
    }
}
