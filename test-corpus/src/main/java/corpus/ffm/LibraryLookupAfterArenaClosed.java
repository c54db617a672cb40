package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

// run-with: none
/** A library loaded into an arena is unloaded when it closes: looking a symbol up afterwards throws. */
public final class LibraryLookupAfterArenaClosed {
    public static boolean run() {
        Arena arena = Arena.ofConfined();
        SymbolLookup libc = SymbolLookup.libraryLookup("libc.so.6", arena);
        arena.close();
        // :: error: [pointer.stale]
        return libc.find("strlen").isPresent();
    }
}
