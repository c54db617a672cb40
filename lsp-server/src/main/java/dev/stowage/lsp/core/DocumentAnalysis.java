package dev.stowage.lsp.core;

import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import java.util.List;

/**
 * The result of analysing one version of one document: the engine's findings as data (for quick
 * fixes and hover) and the diagnostics made from them (for publishing).
 *
 * @param parsed false when the text has syntax errors: then no findings are known for it
 * @param notAnalysedReason why the checker did not run on this text (too large, out of memory, an
 *     internal error), said to the user in a diagnostic; {@code null} when it ran
 */
public record DocumentAnalysis(
        DocumentSnapshot snapshot,
        List<Finding> findings,
        List<CompilerMessage> compilerMessages,
        List<StowageDiagnostic> diagnostics,
        boolean parsed,
        long analysisNanos,
        String notAnalysedReason) {

    /** The {@code code} of the diagnostic that says a file was not analysed. */
    public static final String NOT_ANALYSED_CODE = "stowage.notAnalysed";

    public DocumentAnalysis {
        findings = List.copyOf(findings);
        compilerMessages = List.copyOf(compilerMessages);
        diagnostics = List.copyOf(diagnostics);
    }

    /** An analysis that ran (its findings may be empty). */
    public DocumentAnalysis(DocumentSnapshot snapshot, List<Finding> findings, List<CompilerMessage> compilerMessages,
            List<StowageDiagnostic> diagnostics, boolean parsed, long analysisNanos) {
        this(snapshot, findings, compilerMessages, diagnostics, parsed, analysisNanos, null);
    }

    /**
     * A text the checker could not analyse: no findings, and one warning on the first line that says
     * why, so that the file never looks clean when it was not checked.
     *
     * <pre>{@code
     * DocumentAnalysis.notAnalysed(snapshot, "the file is too large (1.4 MB) for the server's 1024 MB heap", 0);
     * }</pre>
     */
    public static DocumentAnalysis notAnalysed(DocumentSnapshot snapshot, String reason, long analysisNanos) {
        LineMap lines = new LineMap(snapshot.text());
        int firstLineEnd = Math.min(lines.lineEndOffset(0), 200);
        StowageDiagnostic diagnostic = new StowageDiagnostic(lines.rangeOf(0, firstLineEnd), Severity.WARNING, NOT_ANALYSED_CODE,
                StowageDiagnostic.SOURCE_STOWAGE, "Stowage did not analyse this file: " + reason + ". Its findings are not shown.",
                null, List.of());
        return new DocumentAnalysis(snapshot, List.of(), List.of(), List.of(diagnostic), true, analysisNanos, reason);
    }

    /** True when the checker ran on this text. */
    public boolean analysed() {
        return notAnalysedReason == null;
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
