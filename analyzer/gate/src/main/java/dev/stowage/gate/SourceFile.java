package dev.stowage.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java source the gate read from disk: where it is, the name it is reported under, and its text.
 *
 * <p>{@code displayPath} is relative to the base directory (normally the working directory) with
 * forward slashes, so reports, baselines and SARIF are the same on every machine and OS.
 *
 * <pre>{@code
 * SourceFile f = new SourceFile(Path.of("/repo/src/A.java"), "src/A.java", "class A {}\n");
 * f.lineText(1);   // "class A {}"
 * }</pre>
 */
public record SourceFile(Path path, String displayPath, String content) {

    /** The text of a line (from 1) without its line terminator, or "" past the end. */
    public String lineText(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : content.length();
        String text = content.substring(start, end);
        return text.replaceFirst("\\R$", "");
    }

    /**
     * The char offset of a line and column (both from 1, columns in UTF-16 chars), clamped to the
     * text, so a stale or odd position still lands somewhere sensible.
     */
    public int offsetOf(int line, int column) {
        int[] starts = lineStarts();
        if (starts.length == 0 || line < 1) {
            return 0;
        }
        if (line > starts.length) {
            return content.length();
        }
        int offset = starts[line - 1] + Math.max(0, column - 1);
        return Math.min(offset, content.length());
    }

    private int[] lineStarts() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n'))) {
                if (i + 1 < content.length()) {
                    starts.add(i + 1);
                }
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "SourceFile[" + displayPath + ", " + content.length() + " chars]";
    }
}
