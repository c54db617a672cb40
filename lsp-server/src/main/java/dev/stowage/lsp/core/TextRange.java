package dev.stowage.lsp.core;

/**
 * A stretch of a document in the editor's coordinates: lines and characters count from 0, characters
 * in UTF-16 code units (what LSP calls the default position encoding). The end is exclusive.
 *
 * <pre>{@code
 * TextRange firstWord = new TextRange(0, 0, 0, 7); // "package" on line 1
 * }</pre>
 */
public record TextRange(int startLine, int startCharacter, int endLine, int endCharacter) {

    /** True when the two ranges share at least one position (touching ranges intersect, as LSP clients expect). */
    public boolean intersects(TextRange other) {
        return !isBefore(endLine, endCharacter, other.startLine, other.startCharacter)
                && !isBefore(other.endLine, other.endCharacter, startLine, startCharacter);
    }

    /** True when the position lies inside the range, ends included. */
    public boolean contains(int line, int character) {
        return !isBefore(line, character, startLine, startCharacter) && !isBefore(endLine, endCharacter, line, character);
    }

    private static boolean isBefore(int lineA, int charA, int lineB, int charB) {
        return lineA < lineB || (lineA == lineB && charA < charB);
    }

    @Override
    public String toString() {
        return (startLine + 1) + ":" + (startCharacter + 1) + "-" + (endLine + 1) + ":" + (endCharacter + 1);
    }
}
