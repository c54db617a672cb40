package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

// run-with: none
// Resurrected bug, written fresh: the shape of tree-sitter/java-tree-sitter#29, fixed by commit d0d6b91.
/** A native library is loaded into a confined arena inside a try-with-resources, and a symbol of it is looked up after the try closed the arena and unloaded the library. */
public final class LibraryLoadedIntoClosedArena {
    public static long run() {
        SymbolLookup codec;
        try (Arena arena = Arena.ofConfined()) {
            codec = SymbolLookup.libraryLookup("libc.so.6", arena);
        }
        // :: error: [pointer.stale]
        return codec.find("strlen").orElseThrow().address();
    }
}
