package dev.stowage.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The paths a module is analysed with, for the gate and the server alike: its dependency classpath
 * (from a {@link ClasspathProvider}), plus, for each module of the same build it depends on
 * (transitively), that module's dependencies, its compiled classes if any, and its sources on the
 * source path (javac reads only their signatures).
 *
 * <p>The provider's answer is cached per build, in memory and in
 * {@code <root>/target/stowage/classpaths-<key>.txt} (written atomically), until a pom of the build
 * changes; a cached entry that no longer exists on disk makes the cache stale.
 *
 * <pre>{@code
 * ProjectClasspaths paths = new ProjectClasspaths(provider, System.err::println, false);
 * ProjectClasspaths.ModulePaths p = paths.pathsOf(build, module, false);
 * p.classpath(); p.sourcepath();
 * }</pre>
 *
 * <p>Limitation: the key covers the poms inside the build; a change in a parent pom from a
 * repository is not noticed (refresh by hand).
 */
public final class ProjectClasspaths {

    /** What one module is analysed with. */
    public record ModulePaths(BuildModule module, List<Path> classpath, List<Path> sourcepath) {
        public ModulePaths {
            classpath = List.copyOf(classpath);
            sourcepath = List.copyOf(sourcepath);
        }
    }

    private record Cached(String key, List<Long> stamp, Map<Path, List<Path>> byModule) {}

    private final ClasspathProvider provider;
    private final Consumer<String> log;
    private final boolean refresh;
    private final Map<Path, Cached> byRoot = new ConcurrentHashMap<>();

    /**
     * @param refresh ask the provider even when a cache is current (the gate's {@code --refresh-classpath})
     */
    public ProjectClasspaths(ClasspathProvider provider, Consumer<String> log, boolean refresh) {
        this.provider = provider;
        this.log = log;
        this.refresh = refresh;
    }

    /** The classpath and source path of one module of a build. */
    public ModulePaths pathsOf(ProjectBuild build, BuildModule module, boolean includeTests) {
        Map<Path, List<Path>> dependencies = dependencies(build);
        LinkedHashSet<Path> classpath = new LinkedHashSet<>(dependencies.getOrDefault(module.root(), List.of()));
        LinkedHashSet<Path> sourcepath = new LinkedHashSet<>(module.sourceRoots(includeTests));
        for (BuildModule sibling : build.dependencyClosure(module)) {
            sibling.outputFolders().stream().filter(p -> p.endsWith("classes")).forEach(classpath::add);
            classpath.addAll(dependencies.getOrDefault(sibling.root(), List.of()));
            sourcepath.addAll(sibling.mainSourceRoots());
        }
        return new ModulePaths(module, new ArrayList<>(classpath), new ArrayList<>(sourcepath));
    }

    /** The provider's classpaths of every module, cached. */
    public synchronized Map<Path, List<Path>> dependencies(ProjectBuild build) {
        // The server asks on every analysis: poms unchanged on disk (times and sizes) answer from memory
        // without reading and hashing them again.
        List<Long> stamp = stamp(build);
        Cached memory = byRoot.get(build.root());
        if (!refresh && memory != null && memory.stamp().equals(stamp) && allExist(memory.byModule())) {
            return memory.byModule();
        }
        String key = key(build);
        if (!refresh && memory != null && memory.key().equals(key) && allExist(memory.byModule())) {
            byRoot.put(build.root(), new Cached(key, stamp, memory.byModule()));
            return memory.byModule();
        }
        Path cacheFile = build.root().resolve("target/stowage/classpaths-" + key + ".txt");
        // NONE runs nothing, so it has nothing to cache and reads no cache the repository may hold
        if (!refresh && provider != ClasspathProvider.NONE && (memory == null || !memory.key().equals(key))) {
            Map<Path, List<Path>> fromDisk = readCache(build, cacheFile);
            if (fromDisk != null) {
                log.accept("using the classpaths cached in " + cacheFile + " (the poms did not change)");
                byRoot.put(build.root(), new Cached(key, stamp, fromDisk));
                return fromDisk;
            }
        }
        Map<Path, List<Path>> computed = Map.copyOf(provider.resolve(build));
        byRoot.put(build.root(), new Cached(key, stamp, computed));
        if (provider != ClasspathProvider.NONE) {
            try {
                AtomicFiles.writeString(cacheFile, render(build, computed));
            } catch (ProjectException e) {
                log.accept("could not cache the classpaths (" + e.getMessage() + "); continuing");
            }
        }
        return computed;
    }

    /** Forgets what is known about the build rooted at (or holding) a path. */
    public void invalidate(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        byRoot.keySet().removeIf(root -> absolute.startsWith(root) || root.startsWith(absolute.getParent() == null ? absolute : absolute.getParent()));
    }

    public void invalidateAll() {
        byRoot.clear();
    }

    private static List<Long> stamp(ProjectBuild build) {
        List<Long> stamp = new java.util.ArrayList<>();
        for (BuildModule module : build.modules()) {
            try {
                var attributes = Files.readAttributes(module.pom().file(), java.nio.file.attribute.BasicFileAttributes.class);
                stamp.add(attributes.lastModifiedTime().toMillis());
                stamp.add(attributes.size());
            } catch (IOException e) {
                stamp.add(-1L);
            }
        }
        return stamp;
    }

    private static boolean allExist(Map<Path, List<Path>> byModule) {
        return byModule.values().stream().flatMap(List::stream).allMatch(Files::exists);
    }

    private static String render(ProjectBuild build, Map<Path, List<Path>> byModule) {
        StringBuilder text = new StringBuilder("# stowage: dependency classpath per module (module folder, tab, classpath)\n");
        for (BuildModule module : build.modules()) {
            List<Path> entries = byModule.get(module.root());
            if (entries == null) continue;
            text.append(module.name()).append('\t')
                    .append(String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList())).append('\n');
        }
        return text.toString();
    }

    private static Map<Path, List<Path>> readCache(ProjectBuild build, Path cacheFile) {
        if (!Files.isRegularFile(cacheFile)) return null;
        try {
            Map<Path, List<Path>> byModule = new LinkedHashMap<>();
            for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) continue;
                int tab = line.indexOf('\t');
                if (tab < 0) return null;
                Path root = build.root().resolve(line.substring(0, tab)).normalize();
                if (build.module(root).isEmpty()) return null;
                byModule.put(root, MavenClasspathProvider.parse(line.substring(tab + 1)));
            }
            return allExist(byModule) ? Map.copyOf(byModule) : null;
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable or odd cache is computed again
        }
    }

    private static String key(ProjectBuild build) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (BuildModule module : build.modules()) {
                digest.update(module.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try {
                    digest.update(Files.readAllBytes(module.pom().file()));
                } catch (IOException e) {
                    throw new ProjectException("cannot read " + module.pom().file() + ": " + IoReasons.of(e), e);
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
