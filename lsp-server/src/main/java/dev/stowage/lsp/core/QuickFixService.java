package dev.stowage.lsp.core;

import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.Fix;
import dev.stowage.checker.api.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * The quick fixes of a finding, as editor edits. The engine computes every fix from javac's trees
 * as edits of the text it analysed ({@link Finding#fixes()}); this only maps their offsets to
 * editor positions of that same text, so a fix is offered only with the analysis it belongs to.
 *
 * <pre>{@code
 * List<CodeFix> fixes = new QuickFixService().fixesFor(analysedText, finding);
 * String fixed = fixes.get(0).applyTo(analysedText);
 * }</pre>
 *
 * Which fixes the engine offers, per key, is listed in docs/lsp.md.
 */
public final class QuickFixService {

    /** The fixes for one finding of this (analysed) text, best first; empty when an edit does not fit the text. */
    public List<CodeFix> fixesFor(String analysedText, Finding finding) {
        List<CodeFix> out = new ArrayList<>();
        LineMap lines = new LineMap(analysedText);
        for (Fix fix : finding.fixes()) {
            List<CodeFix.Edit> edits = new ArrayList<>();
            for (TextEdit e : fix.edits()) {
                int start = e.range().startOffset(), end = e.range().endOffset();
                if (start < 0 || end < start || end > analysedText.length() || !e.range().file().equals(finding.range().file())) {
                    edits = null; // not this text: better no fix than a broken one
                    break;
                }
                edits.add(new CodeFix.Edit(lines.rangeOf(start, end), e.newText()));
            }
            if (edits != null && !edits.isEmpty()) out.add(new CodeFix(fix.title(), finding.key(), fix.preferred(), edits));
        }
        return out;
    }
}
