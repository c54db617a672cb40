package dev.stowage.lsp.core;

import java.util.List;

/**
 * One diagnostic as the server publishes it, before the protocol layer turns it into LSP4J's type.
 *
 * @param code the finding's key (e.g. {@code pointer.stale}); {@code null} for javac's own messages
 * @param source {@code stowage} for findings, {@code javac} for compiler errors
 * @param href the rule page of the key, or {@code null}
 * @param related where the value came from and what invalidated it
 */
public record StowageDiagnostic(
        TextRange range, Severity severity, String code, String source, String message, String href, List<Related> related) {

    public static final String SOURCE_STOWAGE = "stowage";
    public static final String SOURCE_JAVAC = "javac";

    public StowageDiagnostic {
        related = List.copyOf(related);
    }

    /** A related place: a range in a document (by URI) with a short message. */
    public record Related(String uri, TextRange range, String message) {}

    @Override
    public String toString() {
        return range + " " + severity + " [" + code + "] " + message;
    }
}
