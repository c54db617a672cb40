package dev.stowage.lsp.core;

import java.net.URI;
import java.nio.file.Path;

/**
 * One version of one open document: what an analysis, a quick fix or a hover works on.
 *
 * @param version the client's version number; results of an older version are never published
 */
public record DocumentSnapshot(String uri, int version, String text) {

    /**
     * Applies one content change: {@code range == null} replaces the whole text, else the range
     * (clamped to the text, never rejected) is replaced by {@code newText}.
     */
    public static String applyChange(String text, TextRange range, String newText) {
        if (range == null) return newText;
        LineMap lines = new LineMap(text);
        int start = lines.offsetOf(range.startLine(), range.startCharacter());
        int end = lines.offsetOf(range.endLine(), range.endCharacter());
        if (end < start) { int t = start; start = end; end = t; }
        return new StringBuilder(text.length() + newText.length() - (end - start))
                .append(text, 0, start).append(newText).append(text, end, text.length()).toString();
    }

    /**
     * The path the engine gets for this document: the file's path for {@code file:} URIs, else a
     * name that keeps the file name (javac checks that a public class lives in a file of its name).
     */
    public String analysisPath() {
        return pathOf(uri);
    }

    public static String pathOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            if ("file".equalsIgnoreCase(parsed.getScheme())) return Path.of(parsed).toString();
        } catch (RuntimeException notAFileUri) {
            // fall through: keep the raw text as the name
        }
        return uri;
    }

    @Override
    public String toString() {
        return uri + "@" + version + " (" + text.length() + " chars)";
    }
}
