package dev.stowage.gate;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The production {@link Analyzer}: the Stowage engine, in this JVM (the one engine the build plugin,
 * the language server and the gate share, so all three report the same findings).
 */
public final class EngineAnalyzer implements Analyzer {

    @Override
    public AnalysisResult analyze(List<SourceInput> sources, List<Path> classpath, List<String> javacOptions,
                                  BooleanSupplier cancelled) {
        StowageAnalyzer analyzer;
        try {
            analyzer = new StowageAnalyzer(new AnalyzerOptions(classpath, javacOptions));
        } catch (IllegalStateException e) {
            // missing JVM flags or no compiler in this runtime: a setup problem, said plainly
            throw new GateException(e.getMessage() + " (the ./stowage launcher passes them; see docs/gate.md)", e);
        }
        return analyzer.analyze(sources, cancelled);
    }

    @Override
    public String toString() {
        return "EngineAnalyzer[StowageAnalyzer, in-process javac]";
    }
}
