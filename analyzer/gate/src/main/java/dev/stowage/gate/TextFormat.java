package dev.stowage.gate;

import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.api.SourceRange;
import java.util.Map;

/**
 * Compiler-style output, one finding per line as javac, GCC and IDE problem matchers expect:
 *
 * <pre>
 * src/Demo.java:14:9: error: [pointer.stale] pointer 'p' (resolved from 'store' at line 12) used after ...
 *         p.set(JAVA_LONG, 0, 1);
 *         ^
 *   src/Demo.java:13:13: note: invalidated here: 'store.grow(...)' may have moved the memory
 * </pre>
 *
 * <p>The source line and caret (as javac prints them) can be turned off; related locations always
 * follow their finding, indented, as {@code note:} lines.
 */
public final class TextFormat {

    /** The indent of a message's continuation lines (related locations are indented by two). */
    public static final String CONTINUATION = "    ";

    private final boolean showSource;

    public TextFormat(boolean showSource) {
        this.showSource = showSource;
    }

    /** The findings the report prints, each with its related locations. */
    public String render(GateReport report, Map<String, SourceFile> sourcesByEnginePath) {
        StringBuilder out = new StringBuilder();
        for (GateFinding f : report.reported()) {
            Finding finding = f.finding();
            SourceRange range = finding.range();
            out.append(f.displayPath()).append(':').append(range.startLine()).append(':').append(range.startColumn())
                    .append(": ").append(f.level().id()).append(": [").append(finding.key()).append("] ");
            // One line per finding; a message's further lines (a type error's found/required)
            // follow indented, as javac prints them.
            String[] messageLines = finding.message().split("\\R");
            out.append(messageLines[0]).append('\n');
            for (int i = 1; i < messageLines.length; i++) {
                out.append(CONTINUATION).append(messageLines[i]).append('\n');
            }
            if (showSource) {
                String line = f.source().lineText(range.startLine());
                if (!line.isEmpty()) {
                    out.append(line).append('\n');
                    out.append(caretLine(line, range.startColumn())).append('\n');
                }
            }
            for (RelatedLocation related : finding.related()) {
                SourceFile relatedFile = sourcesByEnginePath.get(related.range().file());
                String path = relatedFile != null ? relatedFile.displayPath() : related.range().file();
                out.append("  ").append(path).append(':').append(related.range().startLine()).append(':')
                        .append(related.range().startColumn()).append(": note: ")
                        .append(noteText(related)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The text of a related location's note: the invalidation site says so ("invalidated here:
     * 'store.grow(...)' may have moved its memory"); an origin's message speaks for itself
     * ("resolved here").
     */
    static String noteText(RelatedLocation related) {
        return switch (related.role()) {
            case INVALIDATION -> "invalidated here: " + related.message();
            case ORIGIN -> related.message();
        };
    }

    /** A short label for a related location, used as link text in SARIF messages. */
    static String label(RelatedLocation related) {
        return switch (related.role()) {
            case INVALIDATION -> "invalidated here";
            case ORIGIN -> related.message().length() <= 40 ? related.message() : "origin";
        };
    }

    /** Spaces (tabs kept, so the caret lines up under tabs too) and a caret under the column. */
    private static String caretLine(String line, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
