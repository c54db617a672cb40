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
/** Fixed twin of {@link SliceOfClosedMappingKeptForLater}: the mapping's arena stays open while the slice is used. */
public final class SliceOfOpenMappingKeptForLater {
    public static byte run() throws IOException {
        Path file = Files.createTempFile("stowage-corpus", ".idx");
        try (Arena input = Arena.ofShared()) {
            Files.write(file, new byte[] {1, 2, 3, 4});
            MemorySegment entries;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                MemorySegment whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, 4, input);
                entries = whole.asSlice(2);
            }
            return entries.get(JAVA_BYTE, 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
