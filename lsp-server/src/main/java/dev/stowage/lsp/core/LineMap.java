package dev.stowage.lsp.core;

import java.util.Arrays;

/**
 * Converts between char offsets and (line, character) positions of one text. Positions outside the
 * text are clamped rather than rejected: editors send positions past the end of a line while the
 * user types, and the server must never fail on them.
 *
 * <pre>{@code
 * LineMap map = new LineMap("ab\ncd");
 * map.offsetOf(1, 1);   // 4
 * map.lineOf(4);        // 1
 * }</pre>
 */
public final class LineMap {
    private final String text;
    private final int[] lineStarts;

    public LineMap(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // \r\n, \r and \n all end a line, as LSP says.
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public String text() {
        return text;
    }

    /** How many lines the text has (an empty text has one). */
    public int lineCount() {
        return lineStarts.length;
    }

    /** The offset of a position; a line past the end clamps to the end of the text, a character past the end of its line to the line's end. */
    public int offsetOf(int line, int character) {
        if (line < 0) return 0;
        if (line >= lineStarts.length) return text.length();
        int start = lineStarts[line];
        int end = lineEndOffset(line);
        return Math.min(start + Math.max(0, character), end);
    }

    /** The offset just before the line break of a line (or the end of the text). */
    public int lineEndOffset(int line) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        while (end > lineStarts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return end;
    }

    /** The 0-based line holding an offset (clamped to the text). */
    public int lineOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        return index >= 0 ? index : -index - 2;
    }

    /** The 0-based character of an offset on its line. */
    public int characterOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return clamped - lineStarts[lineOf(clamped)];
    }

    /** The offset where a 0-based line starts. */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }

    /** The range between two offsets. */
    public TextRange rangeOf(int startOffset, int endOffset) {
        int end = Math.max(startOffset, endOffset);
        return new TextRange(lineOf(startOffset), characterOf(startOffset), lineOf(end), characterOf(end));
    }

    @Override
    public String toString() {
        return "LineMap[" + lineStarts.length + " lines, " + text.length() + " chars]";
    }
}
