package dev.stowage.checker.engine;

import dev.stowage.checker.api.Finding;

import java.util.List;

/**
 * What one analysis found.
 *
 * @param findings the checker's findings, in source order
 * @param compilerMessages javac's own errors and warnings, apart from the findings
 * @param cancelled true when the analysis stopped early because its cancel check said so; the
 *     lists then hold what was found before, and callers normally discard them
 */
public record AnalysisResult(List<Finding> findings, List<CompilerMessage> compilerMessages, boolean cancelled) {

    public AnalysisResult {
        findings = List.copyOf(findings);
        compilerMessages = List.copyOf(compilerMessages);
    }

    /** True when javac reported an error, so the findings may be incomplete. */
    public boolean hasCompileErrors() {
        return compilerMessages.stream().anyMatch(m -> m.severity() == CompilerMessage.Severity.ERROR);
    }
}
