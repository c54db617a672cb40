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
        return new StowageAnalyzer(new AnalyzerOptions(classpath, javacOptions)).analyze(sources, cancelled);
    }

    @Override
    public String toString() {
        return "EngineAnalyzer[StowageAnalyzer, in-process javac]";
    }
}
