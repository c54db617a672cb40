package dev.stowage.gate;

import dev.stowage.project.BuildModule;
import dev.stowage.project.IoReasons;
import dev.stowage.project.MavenBuild;
import dev.stowage.project.ProjectClasspaths;
import dev.stowage.project.ProjectException;
import dev.stowage.project.SourceScan;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the command line's paths into analysis units: sources read from disk with the classpath
 * and source path each is compiled with. This is where the gate's file reading happens (the engine
 * takes sources as strings); finding files, reading poms and computing classpaths belong to the
 * project layer ({@code dev.stowage.project}), which the language server shares.
 *
 * <ul>
 *   <li>a {@code .java} file: that file;
 *   <li>a folder with a {@code pom.xml} (unless {@code --no-maven}): a Maven build — every module of
 *       it (read from {@code <modules>}, recursively) with sources in {@code src/main/java} (and
 *       {@code src/test/java} with tests) becomes one unit with that module's own classpath;
 *   <li>any other folder: every {@code .java} file below it (one unit with all plain inputs).
 * </ul>
 *
 * <pre>{@code
 * Inputs inputs = Inputs.collect(List.of(Path.of(".")), Path.of(""), options);
 * inputs.units();     // one per Maven module with sources, plus one for plain files
 * }</pre>
 */
public record Inputs(List<Unit> units, List<Path> mavenProjects) {

    /**
     * Sources analysed together, with their paths. {@code name} is the module's folder relative to
     * the base ({@code "."} for plain inputs).
     */
    public record Unit(String name, List<SourceFile> sources, List<Path> classpath, List<Path> sourcepath) {
        public Unit {
            sources = List.copyOf(sources);
            classpath = List.copyOf(classpath);
            sourcepath = List.copyOf(sourcepath);
        }
    }

    /** What shapes collection. */
    public record Options(boolean mavenEnabled, boolean includeTests, ProjectClasspaths classpaths, Charset encoding,
                          boolean followSymlinks, Consumer<String> notes) {}

    /** Every source of every unit, sorted by display path. */
    public List<SourceFile> sources() {
        return units.stream().flatMap(u -> u.sources().stream()).sorted(Comparator.comparing(SourceFile::displayPath)).toList();
    }

    /**
     * @throws GateException for a path that does not exist, a file that is not Java source, a
     *     Maven build without sources, an unreadable or non-UTF-8 file (with the reason), or no
     *     sources at all
     */
    public static Inputs collect(List<Path> paths, Path baseDirectory, Options options) {
        if (paths.isEmpty()) {
            throw new GateException("no input: give .java files, folders or a Maven project folder");
        }
        Path base = baseDirectory.toAbsolutePath().normalize();
        Set<Path> plainFiles = new LinkedHashSet<>();
        List<Unit> units = new ArrayList<>();
        List<Path> mavenProjects = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        try {
            for (Path given : paths) {
                Path path = base.resolve(given).normalize();
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    throw new GateException("no such file or directory: " + given);
                }
                if (Files.isDirectory(path)) {
                    SourceScan scan = new SourceScan(path, options.followSymlinks(), options.notes());
                    if (options.mavenEnabled() && Files.isRegularFile(path.resolve("pom.xml"))) {
                        mavenProjects.add(path);
                        List<Unit> modules = mavenUnits(path, base, scan, options, seen);
                        if (modules.isEmpty()) {
                            throw new GateException("Maven project " + given + " has no Java sources under src/main/java"
                                    + (options.includeTests() ? " or src/test/java" : "") + " of any of its modules"
                                    + " (for a plain folder of sources, add --no-maven)");
                        }
                        units.addAll(modules);
                    } else {
                        List<Path> found = scan.javaFilesUnder(path);
                        if (found.isEmpty()) {
                            throw new GateException("no .java files under " + given);
                        }
                        plainFiles.addAll(found);
                    }
                } else if (path.getFileName().toString().endsWith(".java")) {
                    if (new SourceScan(base, options.followSymlinks(), options.notes()).isReadableSource(path)) {
                        plainFiles.add(path);
                    }
                } else {
                    throw new GateException("not a Java source file: " + given + " (give .java files, folders or a Maven project)");
                }
            }
        } catch (ProjectException e) {
            throw new GateException(e.getMessage(), e);
        }
        List<SourceFile> plain = read(plainFiles, base, options.encoding(), seen);
        if (!plain.isEmpty()) {
            units.add(new Unit(".", plain, List.of(), List.of()));
        }
        if (units.isEmpty()) {
            throw new GateException("no Java sources to check (every given file was skipped)");
        }
        return new Inputs(List.copyOf(units), List.copyOf(mavenProjects));
    }

    private static List<Unit> mavenUnits(Path root, Path base, SourceScan scan, Options options, Set<String> seen) {
        MavenBuild build = MavenBuild.read(root, options.notes());
        List<Unit> units = new ArrayList<>();
        Map<BuildModule, List<Path>> filesByModule = new LinkedHashMap<>();
        for (BuildModule module : build.modules()) {
            List<Path> files = new ArrayList<>();
            for (Path sourceRoot : module.sourceRoots(options.includeTests())) {
                files.addAll(scan.javaFilesUnder(sourceRoot));
            }
            if (!files.isEmpty()) filesByModule.put(module, files);
        }
        for (Map.Entry<BuildModule, List<Path>> entry : filesByModule.entrySet()) {
            ProjectClasspaths.ModulePaths paths = options.classpaths().pathsOf(build, entry.getKey(), options.includeTests());
            List<SourceFile> sources = read(entry.getValue(), base, options.encoding(), seen);
            if (!sources.isEmpty()) {
                units.add(new Unit(displayPath(entry.getKey().root(), base), sources, paths.classpath(), paths.sourcepath()));
            }
        }
        return units;
    }

    private static List<SourceFile> read(java.util.Collection<Path> files, Path base, Charset encoding, Set<String> seen) {
        List<SourceFile> sources = new ArrayList<>();
        for (Path file : files) {
            SourceFile source = read(file, base, encoding);
            if (seen.add(source.displayPath())) sources.add(source);
        }
        sources.sort(Comparator.comparing(SourceFile::displayPath));
        return sources;
    }

    /** A path relative to the base with '/' when it is under the base, else absolute. */
    public static String displayPath(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        String text = shown.toString().replace(java.io.File.separatorChar, '/');
        return text.isEmpty() ? "." : text;
    }

    private static SourceFile read(Path file, Path base, Charset encoding) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = encoding.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new SourceFile(file, displayPath(file, base), text);
        } catch (CharacterCodingException e) {
            throw new GateException("cannot read " + displayPath(file, base) + ": not " + encoding.name()
                    + " text (give the sources' encoding with --encoding, e.g. --encoding ISO-8859-1)");
        } catch (IOException e) {
            throw new GateException("cannot read " + displayPath(file, base) + ": " + IoReasons.of(e), e);
        }
    }
}
