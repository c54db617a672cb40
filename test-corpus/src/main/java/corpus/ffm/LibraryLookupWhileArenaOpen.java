package corpus.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

// run-with: none
/** Safe twin of {@link LibraryLookupAfterArenaClosed}: the lookup happens before the library is unloaded. */
public final class LibraryLookupWhileArenaOpen {
    public static boolean run() {
        Arena arena = Arena.ofConfined();
        SymbolLookup libc = SymbolLookup.libraryLookup("libc.so.6", arena);
        boolean found = libc.find("strlen").isPresent();
        arena.close();
        return found;
    }
}
