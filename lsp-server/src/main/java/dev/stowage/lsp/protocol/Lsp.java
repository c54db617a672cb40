package dev.stowage.lsp.protocol;

import dev.stowage.lsp.core.CodeFix;
import dev.stowage.lsp.core.Severity;
import dev.stowage.lsp.core.StowageDiagnostic;
import dev.stowage.lsp.core.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Conversions between the plain services' values and LSP4J's types; the only place that knows both. */
final class Lsp {

    private Lsp() {}

    static Range range(TextRange r) {
        return new Range(new Position(r.startLine(), r.startCharacter()), new Position(r.endLine(), r.endCharacter()));
    }

    static TextRange range(Range r) {
        if (r == null || r.getStart() == null || r.getEnd() == null) return null;
        return new TextRange(r.getStart().getLine(), r.getStart().getCharacter(), r.getEnd().getLine(), r.getEnd().getCharacter());
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR, OFF -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    static Diagnostic diagnostic(StowageDiagnostic d) {
        Diagnostic out = new Diagnostic(range(d.range()), d.message(), severity(d.severity()), d.source());
        if (d.code() != null) out.setCode(d.code());
        if (d.href() != null) out.setCodeDescription(new DiagnosticCodeDescription(d.href()));
        if (!d.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (StowageDiagnostic.Related r : d.related()) {
                related.add(new DiagnosticRelatedInformation(new Location(r.uri(), range(r.range())), r.message() == null ? "" : r.message()));
            }
            out.setRelatedInformation(related);
        }
        return out;
    }

    static List<Diagnostic> diagnostics(List<StowageDiagnostic> ds) {
        List<Diagnostic> out = new ArrayList<>(ds.size());
        for (StowageDiagnostic d : ds) out.add(diagnostic(d));
        return out;
    }

    static CodeAction codeAction(String uri, CodeFix fix, List<Diagnostic> fixes) {
        CodeAction action = new CodeAction(fix.title());
        action.setKind(CodeActionKind.QuickFix);
        action.setIsPreferred(fix.preferred());
        action.setDiagnostics(fixes);
        List<TextEdit> edits = new ArrayList<>();
        for (CodeFix.Edit e : fix.edits()) edits.add(new TextEdit(range(e.range()), e.newText()));
        action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        return action;
    }
}
