package dev.stowage.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports, baselines and caches are replaced whole or not at all. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteInterruptedHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path report = dir.resolve("report.sarif");
        Files.writeString(report, "{\"valid\": true}\n");

        ProjectException e = assertThrows(ProjectException.class, () -> AtomicFiles.write(report, out -> {
            out.write("{\"half\": ".getBytes());
            throw new IOException("No space left on device");
        }));

        assertEquals("{\"valid\": true}\n", Files.readString(report));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "the temporary file was removed");
        }
    }

    @Test
    void aCompleteWriteReplacesTheFileAndCreatesMissingFolders() {
        Path report = dir.resolve("out/deep/report.json");
        AtomicFiles.writeString(report, "one");
        AtomicFiles.writeString(report, "two");
        assertEquals("two", assertDoesNotThrowRead(report));
    }

    @Test
    void aFolderThatCannotBeWrittenSaysPermissionDenied() throws IOException {
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "running as root: permissions do not apply");
            ProjectException e = assertThrows(ProjectException.class, () -> AtomicFiles.writeString(locked.resolve("r.txt"), "x"));
            assertTrue(e.getMessage().endsWith("Permission denied"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String assertDoesNotThrowRead(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
