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
/** A file mapped into an arena is unmapped when the arena closes: a read afterwards throws. */
public final class MappedFileReadAfterArenaClosed {
    public static byte run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus", ".bin");
        try {
            Files.write(file, new byte[] {7, 8, 9});
            MemorySegment mapped;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
                mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, 3, arena);
            }
            // :: error: [pointer.stale]
            return mapped.get(JAVA_BYTE, 1);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
