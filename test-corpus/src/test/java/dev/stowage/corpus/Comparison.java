package dev.stowage.corpus;

import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.corpus.Scenario.Expectation;
import java.util.ArrayList;
import java.util.List;

/**
 * The checker's findings on one scenario against its expectations, both ways: expected findings the
 * checker missed, and findings nobody expected (key and line must both match).
 */
record Comparison(Scenario scenario, List<Expectation> found, List<Expectation> missing, List<Finding> unexpected,
        List<CompilerMessage> compileErrors) {

    static Comparison of(Scenario scenario, CorpusAnalysis.FileResult result) {
        List<Finding> unmatched = new ArrayList<>(result.findings());
        List<Expectation> found = new ArrayList<>();
        List<Expectation> missing = new ArrayList<>();
        for (Expectation expected : scenario.expectations()) {
            Finding match = unmatched.stream()
                    .filter(f -> f.key().equals(expected.key()) && f.range().startLine() == expected.line())
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                missing.add(expected);
            } else {
                unmatched.remove(match);
                found.add(expected);
            }
        }
        return new Comparison(scenario, List.copyOf(found), List.copyOf(missing), List.copyOf(unmatched), result.errors());
    }

    boolean matches() {
        return missing.isEmpty() && unexpected.isEmpty() && compileErrors.isEmpty();
    }

    /** What differs, one item a line, each with {@code file:line}. */
    String describe() {
        String file = "test-corpus/src/main/java/corpus/" + scenario.relativePath();
        StringBuilder out = new StringBuilder();
        for (CompilerMessage error : compileErrors) {
            out.append("\n  ").append(file).append(':').append(error.range().startLine())
                    .append(": does not compile: ").append(error.message());
        }
        for (Expectation e : missing) {
            out.append("\n  ").append(file).append(':').append(e.line()).append(": missing [").append(e.key())
                    .append("] (expected, not reported)");
        }
        for (Finding f : unexpected) {
            out.append("\n  ").append(file).append(':').append(f.range().startLine()).append(": unexpected [")
                    .append(f.key()).append("] ").append(f.message());
        }
        return out.toString();
    }
}
