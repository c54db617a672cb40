package corpus.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

// run-with: none
// Resurrected bug, written fresh: the shape of apache/lucene#14271, fixed by that merged pull request.
/** A reader keeps a slice of a mapped file for later lookups, but the input that owns the mapping is closed before the reader is handed out, so the first lookup fails with "Already closed". */
public final class SliceOfClosedMappingKeptForLater {
    public static byte run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus", ".idx");
        try {
            Files.write(file, new byte[] {1, 2, 3, 4});
            MemorySegment entries;
            try (Arena input = Arena.ofShared(); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                MemorySegment whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, 4, input);
                entries = whole.asSlice(2);
            }
            // :: error: [pointer.stale]
            return entries.get(JAVA_BYTE, 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
