package dev.stowage.checker.engine;

/**
 * A Java source given to the engine as text, so that unsaved editor buffers and files on disk are
 * analyzed alike. The engine reads no files of its own.
 *
 * @param path the name reported in findings (a file path or URI); it should end in {@code .java}
 * @param content the full text
 */
public record SourceInput(String path, String content) {}
