package dev.stowage.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the command line's paths into the sources and classpath of one analysis. This is where the
 * gate's file I/O happens (the engine takes sources as strings).
 *
 * <ul>
 *   <li>a {@code .java} file: that file;
 *   <li>a folder with a {@code pom.xml} (unless {@code --no-maven}): a Maven project — its
 *       {@code src/main/java} (and {@code src/test/java} with tests included) and the classpath Maven
 *       computes for it ({@link MavenClasspath});
 *   <li>any other folder: every {@code .java} file below it, skipping hidden folders and Maven
 *       {@code target} folders.
 * </ul>
 *
 * <pre>{@code
 * Inputs inputs = Inputs.collect(List.of(Path.of("src")), Path.of(""), options);
 * inputs.sources();     // List<SourceFile>, sorted by display path
 * }</pre>
 */
public record Inputs(List<SourceFile> sources, List<Path> classpath, List<Path> mavenProjects) {

    /** What shapes collection. */
    public record Options(boolean mavenEnabled, boolean includeTests, MavenClasspath maven, java.nio.charset.Charset encoding) {

        /** UTF-8, as javac reads sources by default on every platform since JDK 18. */
        public Options(boolean mavenEnabled, boolean includeTests, MavenClasspath maven) {
            this(mavenEnabled, includeTests, maven, StandardCharsets.UTF_8);
        }
    }

    /**
     * @throws GateException for a path that does not exist, a file that is not Java source, a
     *     Maven project without sources, an unreadable or non-UTF-8 file, or no sources at all
     */
    public static Inputs collect(List<Path> paths, Path baseDirectory, Options options) {
        if (paths.isEmpty()) {
            throw new GateException("no input: give .java files, folders or a Maven project folder");
        }
        Path base = baseDirectory.toAbsolutePath().normalize();
        Set<Path> files = new LinkedHashSet<>();
        List<Path> classpath = new ArrayList<>();
        List<Path> mavenProjects = new ArrayList<>();
        for (Path given : paths) {
            Path path = base.resolve(given).normalize();
            if (!Files.exists(path)) {
                throw new GateException("no such file or directory: " + given);
            }
            if (Files.isDirectory(path)) {
                if (options.mavenEnabled() && Files.isRegularFile(path.resolve("pom.xml"))) {
                    mavenProjects.add(path);
                    List<Path> roots = new ArrayList<>(List.of(path.resolve("src/main/java")));
                    if (options.includeTests()) {
                        roots.add(path.resolve("src/test/java"));
                    }
                    int before = files.size();
                    for (Path root : roots) {
                        if (Files.isDirectory(root)) {
                            files.addAll(javaFilesUnder(root));
                        }
                    }
                    if (files.size() == before) {
                        throw new GateException("Maven project " + given + " has no Java sources under src/main/java"
                                + (options.includeTests() ? " or src/test/java" : "")
                                + " (for a multi-module build, give each module's folder; for a plain folder, add --no-maven)");
                    }
                    classpath.addAll(options.maven().classpathOf(path));
                } else {
                    List<Path> found = javaFilesUnder(path);
                    if (found.isEmpty()) {
                        throw new GateException("no .java files under " + given);
                    }
                    files.addAll(found);
                }
            } else if (path.getFileName().toString().endsWith(".java")) {
                files.add(path);
            } else {
                throw new GateException("not a Java source file: " + given + " (give .java files, folders or a Maven project)");
            }
        }
        Map<String, SourceFile> byDisplay = new LinkedHashMap<>();
        for (Path file : files) {
            SourceFile source = read(file, base, options.encoding());
            byDisplay.putIfAbsent(source.displayPath(), source);
        }
        List<SourceFile> sources = byDisplay.values().stream()
                .sorted(java.util.Comparator.comparing(SourceFile::displayPath)).toList();
        return new Inputs(sources, List.copyOf(classpath), List.copyOf(mavenProjects));
    }

    /** A path relative to the base with '/' when it is under the base, else absolute. */
    public static String displayPath(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace(java.io.File.separatorChar, '/');
    }

    private static SourceFile read(Path file, Path base, java.nio.charset.Charset encoding) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = encoding.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new SourceFile(file, displayPath(file, base), text);
        } catch (CharacterCodingException e) {
            throw new GateException("cannot read " + displayPath(file, base) + ": not " + encoding.name()
                    + " text (give the sources' encoding with --encoding, e.g. --encoding ISO-8859-1)");
        } catch (IOException e) {
            throw new GateException("cannot read " + displayPath(file, base) + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> javaFilesUnder(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !skipped(root, p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new GateException("cannot list " + root + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new GateException("cannot list " + root + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Hidden folders and the build output of Maven projects are not sources. */
    private static boolean skipped(Path root, Path file) {
        Path relative = root.relativize(file);
        Path folder = root;
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String name = relative.getName(i).toString();
            if (name.startsWith(".")) {
                return true;
            }
            if (name.equals("target") && Files.isRegularFile(folder.resolve("pom.xml"))) {
                return true;
            }
            folder = folder.resolve(name);
        }
        return false;
    }
}
