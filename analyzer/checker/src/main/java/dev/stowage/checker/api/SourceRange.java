package dev.stowage.checker.api;

/**
 * A stretch of a source file. Lines and columns count from 1 (columns in UTF-16 chars, as javac and
 * LSP count them); offsets count chars from 0, the end exclusive.
 *
 * @param file the path the source was given under (the engine's {@code SourceInput.path()})
 */
public record SourceRange(
        String file, int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset) {

    /** {@code file:line:column}, the way compilers print a position. */
    @Override
    public String toString() {
        return file + ":" + startLine + ":" + startColumn;
    }
}
