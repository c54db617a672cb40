package dev.stowage.lsp.core;

import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.engine.Finding;
import java.util.List;

/**
 * The result of analysing one version of one document: the engine's findings as data (for quick
 * fixes and hover) and the diagnostics made from them (for publishing).
 *
 * @param parsed false when the text has syntax errors: then no findings are known for it
 */
public record DocumentAnalysis(
        DocumentSnapshot snapshot,
        List<Finding> findings,
        List<CompilerMessage> compilerMessages,
        List<StowageDiagnostic> diagnostics,
        boolean parsed,
        long analysisNanos) {

    public DocumentAnalysis {
        findings = List.copyOf(findings);
        compilerMessages = List.copyOf(compilerMessages);
        diagnostics = List.copyOf(diagnostics);
    }

    public String uri() {
        return snapshot.uri();
    }

    public int version() {
        return snapshot.version();
    }

    @Override
    public String toString() {
        return "DocumentAnalysis[" + snapshot + ", " + findings.size() + " findings, " + compilerMessages.size()
                + " compiler messages, " + (analysisNanos / 1_000_000) + " ms]";
    }
}
