package dev.stowage.checker.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * How the engine compiles: the classpath of the code under analysis (its dependencies, e.g. the
 * Stowage runtime) and extra javac options (e.g. {@code --enable-preview}).
 *
 * <pre>{@code
 * new StowageAnalyzer(new AnalyzerOptions(List.of(Path.of("lib/stowage-runtime.jar")), List.of()));
 * }</pre>
 */
public record AnalyzerOptions(List<Path> classpath, List<String> javacOptions) {

    public AnalyzerOptions {
        classpath = List.copyOf(classpath);
        javacOptions = List.copyOf(javacOptions);
    }

    /** No extra classpath, no extra options. */
    public static AnalyzerOptions defaults() {
        return new AnalyzerOptions(List.of(), List.of());
    }
}
