package dev.stowage.lsp.core;

import java.util.List;

/**
 * A quick fix for one finding: edits of the document it was asked for.
 *
 * @param title what the editor shows; it says what the fix does and, where there is a choice, why
 * @param findingKey the key of the finding it fixes
 * @param preferred whether this is the fix to apply by default
 */
public record CodeFix(String title, String findingKey, boolean preferred, List<Edit> edits) {

    public CodeFix {
        edits = List.copyOf(edits);
    }

    /** Replace {@code range} (of the text the fix was computed for) by {@code newText}. */
    public record Edit(TextRange range, String newText) {}

    /** Applies the edits to a text (they never overlap; applied from the end). */
    public String applyTo(String text) {
        String result = text;
        List<Edit> sorted = new java.util.ArrayList<>(edits);
        sorted.sort((a, b) -> {
            int c = Integer.compare(b.range().startLine(), a.range().startLine());
            return c != 0 ? c : Integer.compare(b.range().startCharacter(), a.range().startCharacter());
        });
        for (Edit e : sorted) result = DocumentSnapshot.applyChange(result, e.range(), e.newText());
        return result;
    }

    @Override
    public String toString() {
        return "CodeFix[" + title + ", " + edits.size() + " edits]";
    }
}
