package dev.stowage.gate;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.SourceInput;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the gate needs of the analysis engine: sources in, findings as data out. Production uses
 * {@link EngineAnalyzer} (the one engine the build and the language server share); tests of the
 * gate's own logic may pass another.
 */
@FunctionalInterface
public interface Analyzer {

    AnalysisResult analyze(List<SourceInput> sources, List<Path> classpath, List<String> javacOptions, BooleanSupplier cancelled);
}
