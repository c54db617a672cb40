package dev.stowage.checker.engine;

import dev.stowage.checker.api.SourceRange;

/**
 * A message of javac itself (not of the Stowage checker): a source that does not compile is a tool
 * error, reported apart from findings.
 *
 * @param range where javac put it, or {@code null} for a message about no particular source
 */
public record CompilerMessage(Severity severity, String message, SourceRange range) {

    /** javac's kinds that matter here. */
    public enum Severity { ERROR, WARNING, NOTE }
}
