package dev.stowage.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Finding sources never leaves the checked tree and never opens what is not a file. */
class SourceScanTest {

    @TempDir
    Path temp;

    final List<String> notes = new ArrayList<>();

    Path tree() throws IOException {
        Path tree = temp.resolve("tree");
        Files.createDirectories(tree.resolve("src/a"));
        Files.writeString(tree.resolve("src/a/A.java"), "class A {}");
        return tree;
    }

    @Test
    void aSymlinkToAFileOutsideTheTreeIsSkippedWithANoteUnlessAsked() throws IOException {
        Path tree = tree();
        Path secret = Files.writeString(temp.resolve("secret.java"), "password");
        Files.createSymbolicLink(tree.resolve("src/a/Leak.java"), secret);
        Files.createSymbolicLink(tree.resolve("src/outside"), temp);

        List<Path> files = new SourceScan(tree, false, notes::add).javaFilesUnder(tree.resolve("src"));

        assertEquals(List.of(tree.resolve("src/a/A.java")), files);
        assertTrue(notes.stream().anyMatch(n -> n.contains("Leak.java") && n.contains("outside the checked tree")
                && n.contains("--follow-symlinks")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("src/outside")), notes.toString());

        List<Path> followed = new SourceScan(tree, true, notes::add).javaFilesUnder(tree.resolve("src"));
        assertTrue(followed.contains(tree.resolve("src/a/Leak.java")), followed.toString());
    }

    @Test
    void aSymlinkInsideTheTreeIsFollowedAndALoopEnds() throws IOException {
        Path tree = tree();
        Files.createSymbolicLink(tree.resolve("src/a/Alias.java"), tree.resolve("src/a/A.java"));
        Files.createSymbolicLink(tree.resolve("src/a/loop"), tree.resolve("src"));
        List<Path> files = new SourceScan(tree, false, notes::add).javaFilesUnder(tree.resolve("src"));
        assertTrue(files.contains(tree.resolve("src/a/Alias.java")), files.toString());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFifoNamedLikeASourceIsSkippedWithANoteNeverOpened() throws Exception {
        Path tree = tree();
        Path fifo = tree.resolve("src/a/Pipe.java");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        SourceScan scan = new SourceScan(tree, false, notes::add);

        assertEquals(List.of(tree.resolve("src/a/A.java")), scan.javaFilesUnder(tree.resolve("src")));
        assertFalse(scan.isReadableSource(fifo));
        assertTrue(notes.stream().anyMatch(n -> n.contains("Pipe.java") && n.contains("a FIFO")), notes.toString());
    }

    @Test
    void anUnlistableFolderSaysWhy() throws IOException {
        Path tree = tree();
        Path locked = tree.resolve("src/locked");
        Files.createDirectories(locked);
        locked.toFile().setReadable(false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions do not apply");
            ProjectException e = org.junit.jupiter.api.Assertions.assertThrows(ProjectException.class,
                    () -> new SourceScan(tree, false, notes::add).javaFilesUnder(tree.resolve("src")));
            assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
        } finally {
            locked.toFile().setReadable(true);
        }
    }

    @Test
    void hiddenFoldersAndMavenOutputAreNotSources() throws IOException {
        Path tree = tree();
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Files.createDirectories(tree.resolve("target/gen"));
        Files.writeString(tree.resolve("target/gen/G.java"), "class G {}");
        Files.createDirectories(tree.resolve(".git"));
        Files.writeString(tree.resolve(".git/H.java"), "class H {}");
        assertEquals(List.of(tree.resolve("src/a/A.java")), new SourceScan(tree, false, notes::add).javaFilesUnder(tree));
    }
}
