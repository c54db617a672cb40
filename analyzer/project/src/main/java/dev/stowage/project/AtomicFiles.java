package dev.stowage.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see the old content or the new, never half of it: the content goes
 * to a temporary file in the target's own folder (same file system, so the rename is atomic), is
 * forced to disk, then renamed over the target with {@code ATOMIC_MOVE}. An error or an interrupted
 * run leaves the old file as it was and removes the temporary one.
 *
 * <pre>{@code
 * AtomicFiles.writeString(Path.of("stowage.sarif"), json);
 * }</pre>
 */
public final class AtomicFiles {

    /** Produces the content onto a stream (may throw halfway: the target is then untouched). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    public static void writeString(Path target, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * @throws ProjectException naming the file and the reason (e.g. "Permission denied")
     */
    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Rare (a folder on a file system without rename); same folder, so still one rename.
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new ProjectException("cannot write " + target + ": " + IoReasons.of(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named after the target; nothing else to do
                }
            }
        }
    }
}
