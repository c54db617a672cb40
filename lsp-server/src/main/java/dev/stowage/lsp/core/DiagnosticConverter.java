package dev.stowage.lsp.core;

import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.api.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the engine's findings (data) into diagnostics for one document. Ranges come from the
 * finding's offsets, mapped through the text that was analysed, so they are exact in UTF-16 columns;
 * keys set to {@code off} are dropped.
 */
public final class DiagnosticConverter {

    private DiagnosticConverter() {}

    /**
     * The diagnostics of one analysed text.
     *
     * @param uri the document's URI, used for related locations in the same file
     * @param analysedPath the path the text was given to the engine under; findings of other files are skipped
     * @param lines the analysed text
     */
    public static List<StowageDiagnostic> convert(
            String uri, String analysedPath, LineMap lines, List<Finding> findings, List<CompilerMessage> compilerMessages, Settings settings) {
        List<StowageDiagnostic> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.range() != null && !analysedPath.equals(f.range().file())) continue;
            Severity severity = settings.severityOf(f.key());
            if (severity == Severity.OFF) continue;
            List<StowageDiagnostic.Related> related = new ArrayList<>();
            for (RelatedLocation r : f.related()) {
                if (r.range() == null) continue;
                // Related places in other files are kept only when the engine names them by URI.
                String relatedUri = analysedPath.equals(r.range().file()) ? uri : r.range().file();
                LineMap map = analysedPath.equals(r.range().file()) ? lines : null;
                related.add(new StowageDiagnostic.Related(relatedUri, toRange(r.range(), map), r.message()));
            }
            out.add(new StowageDiagnostic(toRange(f.range(), lines), severity, f.key(), StowageDiagnostic.SOURCE_STOWAGE,
                    f.message(), settings.ruleUrl(f.key()), related));
        }
        if (settings.showJavacErrors()) {
            for (CompilerMessage m : compilerMessages) {
                if (m.severity() != CompilerMessage.Severity.ERROR) continue;
                if (m.range() != null && !analysedPath.equals(m.range().file())) continue;
                TextRange range = m.range() == null ? new TextRange(0, 0, 0, 0) : toRange(m.range(), lines);
                out.add(new StowageDiagnostic(range, Severity.ERROR, null, StowageDiagnostic.SOURCE_JAVAC, m.message(), null, List.of()));
            }
        }
        return out;
    }

    /**
     * The editor range of an engine range: from the offsets when the text is known (exact), else from
     * the 1-based line/column. A range the engine gives as a single point widens to one character so
     * that editors draw it.
     */
    public static TextRange toRange(SourceRange r, LineMap lines) {
        if (lines != null && r.startOffset() >= 0 && r.endOffset() >= r.startOffset() && r.endOffset() <= lines.text().length()) {
            int end = r.endOffset() == r.startOffset() ? Math.min(r.startOffset() + 1, lines.lineEndOffset(lines.lineOf(r.startOffset()))) : r.endOffset();
            return lines.rangeOf(r.startOffset(), Math.max(end, r.startOffset()));
        }
        int sl = Math.max(0, r.startLine() - 1), sc = Math.max(0, r.startColumn() - 1);
        int el = Math.max(sl, r.endLine() - 1), ec = Math.max(0, r.endColumn() - 1);
        if (el == sl && ec < sc) ec = sc;
        return new TextRange(sl, sc, el, ec);
    }
}
