package dev.stowage.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** An I/O error's message says why, not only where (java.nio's often carry only the path). */
class IoReasonsTest {

    @Test
    void pathOnlyExceptionsGetTheirReasonInWords() {
        assertEquals("Permission denied", IoReasons.of(new AccessDeniedException("/src/A.java")));
        assertEquals("No such file or directory", IoReasons.of(new NoSuchFileException("/src/A.java")));
        assertEquals("Permission denied", IoReasons.of(new UncheckedIOException(new AccessDeniedException("/x"))));
    }

    @Test
    void theOperatingSystemsReasonWinsWhenThereIsOne() {
        assertEquals("Read-only file system", IoReasons.of(new FileSystemException("/a", null, "Read-only file system")));
        assertEquals("disk on fire", IoReasons.of(new java.io.IOException("disk on fire")));
    }
}
