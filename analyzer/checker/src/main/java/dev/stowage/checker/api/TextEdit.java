package dev.stowage.checker.api;

/**
 * Replace {@code range} of the analysed source by {@code newText} (an insertion when the range is
 * empty). Offsets are those of the text the engine was given, so an edit applies to that version.
 */
public record TextEdit(SourceRange range, String newText) {}
