package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

// not-runnable: the view lives in the global scope, so the JDK cannot see that its library was unloaded (the original was a SIGSEGV)
// Resurrected bug, written fresh: the shape of tree-sitter/java-tree-sitter#29, fixed by commit d715940.
/** Data found in a library is reinterpreted into a longer-lived arena than the one that keeps the library loaded, and is read after that arena closed. */
public final class SymbolViewMovedToLongerArena {
    static byte firstByte(String library, String symbol) {
        Arena libraryArena = Arena.ofConfined();
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, libraryArena);
        MemorySegment data = lookup.find(symbol).orElseThrow()
                .reinterpret(1, Arena.global(), null);
        libraryArena.close();
        // :: error: [pointer.stale]
        return data.get(JAVA_BYTE, 0);
    }
}
