package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

// run-with: none
/** Fixed twin of {@link SymbolViewMovedToLongerArena} (as in d715940): the view gets the library's own arena and is read while it is open. */
public final class SymbolViewKeptInLibraryArena {
    public static byte run() {
        try (Arena libraryArena = Arena.ofConfined()) {
            SymbolLookup lookup = SymbolLookup.libraryLookup("libc.so.6", libraryArena);
            MemorySegment data = lookup.find("strlen").orElseThrow()
                    .reinterpret(1, libraryArena, null);
            return data.get(JAVA_BYTE, 0);
        }
    }
}
