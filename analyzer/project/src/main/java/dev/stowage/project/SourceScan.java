package dev.stowage.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the {@code .java} files under a folder without leaving the checked tree and without opening
 * anything that is not a regular file.
 *
 * <ul>
 *   <li>hidden folders ({@code .git}, {@code .mvn}, …) and the {@code target} folder of a Maven
 *       project are not sources;
 *   <li>a symbolic link is followed only when its real target is inside the tree (the
 *       {@code boundary}), or when {@code followSymlinks} is set; a skipped link gets a note;
 *   <li>a FIFO, socket or device named {@code X.java} is skipped with a note, never opened (opening a
 *       FIFO blocks until someone writes to it);
 *   <li>a folder that cannot be listed is an error that says why (e.g. "Permission denied").
 * </ul>
 *
 * <pre>{@code
 * List<Path> files = new SourceScan(tree, false, System.err::println).javaFilesUnder(tree.resolve("src/main/java"));
 * }</pre>
 */
public final class SourceScan {

    private final Path boundary;
    private final boolean followSymlinks;
    private final Consumer<String> notes;

    /**
     * @param boundary the checked tree: links whose target is outside it are not followed
     * @param notes receives one line per skipped entry (no trailing newline)
     */
    public SourceScan(Path boundary, boolean followSymlinks, Consumer<String> notes) {
        this.boundary = realOrNormal(boundary);
        this.followSymlinks = followSymlinks;
        this.notes = notes;
    }

    /** The {@code .java} regular files under a folder, sorted. */
    public List<Path> javaFilesUnder(Path folder) {
        List<Path> found = new ArrayList<>();
        walk(folder.toAbsolutePath().normalize(), found, new HashSet<>());
        found.sort(null);
        return found;
    }

    /**
     * Whether one file given by name may be read: a regular file (after links that stay inside the
     * tree, or any link with {@code followSymlinks}). Says why not through {@code notes}.
     */
    public boolean isReadableSource(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            Path target = realOrNull(absolute);
            if (target == null) {
                notes.accept("skipped " + absolute + ": a symbolic link to a missing file");
                return false;
            }
            if (!followSymlinks && !target.startsWith(boundary)) {
                notes.accept("skipped " + absolute + ": a symbolic link to " + target
                        + ", outside the checked tree (--follow-symlinks follows it)");
                return false;
            }
        }
        if (!Files.isRegularFile(absolute)) {
            notes.accept("skipped " + absolute + ": not a regular file (" + kind(absolute) + ")");
            return false;
        }
        return true;
    }

    private void walk(Path folder, List<Path> found, Set<Path> visited) {
        Path real = realOrNull(folder);
        if (real == null || !visited.add(real)) {
            return; // a loop of links, or a folder that vanished
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ProjectException("cannot list " + folder + ": " + IoReasons.of(e), e);
        }
        boolean mavenProject = Files.isRegularFile(folder.resolve("pom.xml"), LinkOption.NOFOLLOW_LINKS);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new ProjectException("cannot read " + entry + ": " + IoReasons.of(e), e);
            }
            if (attributes.isSymbolicLink()) {
                Path target = realOrNull(entry);
                if (target == null) {
                    if (name.endsWith(".java")) notes.accept("skipped " + entry + ": a symbolic link to a missing file");
                    continue;
                }
                if (!followSymlinks && !target.startsWith(boundary)) {
                    if (name.endsWith(".java") || Files.isDirectory(target)) {
                        notes.accept("skipped " + entry + ": a symbolic link to " + target
                                + ", outside the checked tree (--follow-symlinks follows it)");
                    }
                    continue;
                }
                try {
                    attributes = Files.readAttributes(target, BasicFileAttributes.class);
                } catch (IOException e) {
                    throw new ProjectException("cannot read " + entry + ": " + IoReasons.of(e), e);
                }
            }
            if (attributes.isDirectory()) {
                if (name.startsWith(".") || (name.equals("target") && mavenProject)) {
                    continue;
                }
                walk(entry, found, visited);
            } else if (name.endsWith(".java")) {
                if (attributes.isRegularFile()) {
                    found.add(entry);
                } else {
                    notes.accept("skipped " + entry + ": not a regular file (" + kind(entry) + ")");
                }
            }
        }
    }

    private static String kind(Path path) {
        if (!Files.exists(path)) return "missing";
        if (Files.isDirectory(path)) return "a folder";
        try {
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int type = ((Integer) mode) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static Path realOrNull(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    static Path realOrNormal(Path path) {
        Path real = realOrNull(path);
        return real != null ? real : path.toAbsolutePath().normalize();
    }
}
