package dev.stowage.corpus;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.AnalyzerOptions;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.StowageAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario through the engine ({@link StowageAnalyzer}) in one analysis, and hands out
 * the findings and javac errors of each file. The scenarios are given as text under their path
 * {@code corpus/...}, exactly as the gate and the language server give sources.
 */
final class CorpusAnalysis {

    /** What the engine said about one scenario file. */
    record FileResult(List<Finding> findings, List<CompilerMessage> errors) {}

    private final Map<String, FileResult> byPath;
    private final List<CompilerMessage> unplacedErrors;
    private final long millis;

    private CorpusAnalysis(Map<String, FileResult> byPath, List<CompilerMessage> unplacedErrors, long millis) {
        this.byPath = byPath;
        this.unplacedErrors = unplacedErrors;
        this.millis = millis;
    }

    /** The path a scenario is analyzed under; findings name it. */
    static String inputPath(Scenario scenario) {
        return "corpus/" + scenario.relativePath();
    }

    static CorpusAnalysis run(List<Scenario> scenarios, List<Path> classpath) {
        List<SourceInput> inputs = scenarios.stream().map(s -> new SourceInput(inputPath(s), s.source())).toList();
        long start = System.nanoTime();
        AnalysisResult result = new StowageAnalyzer(new AnalyzerOptions(classpath, List.of())).analyze(inputs, () -> false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        Map<String, List<CompilerMessage>> errors = new LinkedHashMap<>();
        List<CompilerMessage> unplaced = new ArrayList<>();
        for (Finding finding : result.findings()) {
            findings.computeIfAbsent(normalize(finding.range().file()), k -> new ArrayList<>()).add(finding);
        }
        for (CompilerMessage message : result.compilerMessages()) {
            if (message.severity() != CompilerMessage.Severity.ERROR) continue;
            if (message.range() == null) {
                unplaced.add(message);
            } else {
                errors.computeIfAbsent(normalize(message.range().file()), k -> new ArrayList<>()).add(message);
            }
        }
        Map<String, FileResult> byPath = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            String path = inputPath(scenario);
            byPath.put(path, new FileResult(findings.getOrDefault(path, List.of()), errors.getOrDefault(path, List.of())));
        }
        for (String path : findings.keySet()) {
            if (!byPath.containsKey(path)) {
                throw new IllegalStateException("the engine reported findings for " + path + ", which is none of the inputs");
            }
        }
        return new CorpusAnalysis(byPath, List.copyOf(unplaced), millis);
    }

    private static String normalize(String file) {
        String slashed = file.replace('\\', '/');
        int at = slashed.lastIndexOf("corpus/");
        return at < 0 ? slashed : slashed.substring(at);
    }

    FileResult of(Scenario scenario) {
        return byPath.get(inputPath(scenario));
    }

    List<CompilerMessage> unplacedErrors() {
        return unplacedErrors;
    }

    long millis() {
        return millis;
    }
}
