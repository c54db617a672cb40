package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

// run-with: none
/** Fixed twin of {@link LibraryLoadedIntoClosedArena} (as in d0d6b91): the library lives in the global arena. */
public final class LibraryLoadedIntoGlobalArena {
    public static long run() {
        SymbolLookup codec = SymbolLookup.libraryLookup("libc.so.6", Arena.global());
        MemorySegment entry = codec.find("strlen").orElseThrow();
        return entry.address();
    }
}
