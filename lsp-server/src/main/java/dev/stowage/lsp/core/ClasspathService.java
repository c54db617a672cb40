package dev.stowage.lsp.core;

import dev.stowage.project.BuildModule;
import dev.stowage.project.BundledLibraries;
import dev.stowage.project.ClasspathProvider;
import dev.stowage.project.MavenBuild;
import dev.stowage.project.ProjectClasspaths;
import dev.stowage.project.ProjectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Finds the classpath a document is analysed with, through the project layer the gate uses
 * ({@code dev.stowage.project}): the module of its Maven build that holds it (the build read from
 * the poms, looking no higher than the workspace folder that holds the document), that module's
 * dependency classpath — computed by Maven only when the workspace is trusted —, the compiled
 * classes in {@code target/}, and the Stowage runtime and qualifiers the server ships. The
 * module's sources and those of the modules it depends on go on javac's source path.
 *
 * <p>Restricted (the default until the client says the workspace is trusted): no build tool runs;
 * files are analysed against the bundled runtime and qualifiers, and the user is told once
 * ({@code onRestricted}) why findings may be incomplete. The client's {@code stowage.classpath}
 * replaces Maven's answer in either mode.
 *
 * <pre>{@code
 * ClasspathService cp = new ClasspathService(MavenClasspathProvider.forPolicy(TrustPolicy.sanitized(), log), log);
 * cp.setRoots(List.of(workspaceRoot));
 * cp.setTrusted(true);
 * ClasspathService.Resolved r = cp.resolve(Path.of("app/src/main/java/a/A.java"), null);
 * }</pre>
 */
public final class ClasspathService {

    /** What a document is analysed with. */
    public record Resolved(List<String> classpath, List<String> sourcepath, Path moduleRoot, String origin) {
        public Resolved {
            classpath = List.copyOf(classpath);
            sourcepath = List.copyOf(sourcepath);
        }

        /** The javac options for these paths. */
        public List<String> javacOptions() {
            List<String> options = new ArrayList<>();
            if (!sourcepath.isEmpty()) {
                options.add("-sourcepath");
                options.add(String.join(java.io.File.pathSeparator, sourcepath));
                // Classes found on the source path are only read for their signatures.
                options.add("-implicit:none");
            }
            return options;
        }
    }

    private final Consumer<String> log;
    private final ProjectClasspaths trustedPaths;
    private final ProjectClasspaths restrictedPaths;
    private final List<Path> roots = new CopyOnWriteArrayList<>();
    private final Map<Path, MavenBuild> builds = new ConcurrentHashMap<>();
    /** The build root of a folder (or none), so the poms are not read again on every keystroke. */
    private final Map<Path, Optional<Path>> buildRootOfFolder = new ConcurrentHashMap<>();
    private final AtomicBoolean toldRestricted = new AtomicBoolean();
    private volatile boolean trusted;
    private volatile Consumer<String> onRestricted = message -> { };

    /**
     * @param provider computes a build's dependency classpaths; asked only when the workspace is trusted
     */
    public ClasspathService(ClasspathProvider provider, Consumer<String> log) {
        this.log = log;
        this.trustedPaths = new ProjectClasspaths(provider, log, false);
        this.restrictedPaths = new ProjectClasspaths(ClasspathProvider.NONE, message -> { }, false);
    }

    /** The workspace folders: no pom.xml or .mvn above them is ever read. */
    public void setRoots(List<Path> workspaceRoots) {
        roots.clear();
        workspaceRoots.forEach(r -> roots.add(r.toAbsolutePath().normalize()));
        invalidateAll();
    }

    /** Whether the client said the workspace is trusted (then Maven may run, on a sanitized copy of the poms). */
    public void setTrusted(boolean trusted) {
        if (this.trusted != trusted) invalidateAll();
        this.trusted = trusted;
    }

    public boolean trusted() {
        return trusted;
    }

    /** Told once, the first time a document of a Maven build is analysed without its dependencies. */
    public void onRestricted(Consumer<String> notify) {
        this.onRestricted = notify;
    }

    /**
     * The paths for a document (a file path, possibly not on disk yet).
     *
     * @param clientClasspath the client's setting, or {@code null} to use the build's
     */
    public Resolved resolve(Path document, List<String> clientClasspath) {
        Path file = document.toAbsolutePath().normalize();
        Optional<Path> root = workspaceRootOf(file);
        Optional<MavenBuild> build = root.flatMap(r -> buildFor(file, r));
        Optional<BuildModule> module = build.flatMap(b -> b.moduleOf(file));
        List<String> bundled = BundledLibraries.paths().stream().map(Path::toString).toList();
        if (module.isEmpty()) {
            List<String> classpath = concat(clientClasspath == null ? List.of() : clientClasspath, bundled);
            String why = root.isEmpty() ? "outside the workspace folders" : "no pom.xml between the workspace folder and the file";
            return new Resolved(classpath, List.of(), null, clientClasspath != null ? "settings (stowage.classpath)" : "bundled only (" + why + ")");
        }
        MavenBuild b = build.get();
        BuildModule m = module.get();
        ProjectClasspaths.ModulePaths paths;
        String origin;
        if (clientClasspath != null) {
            paths = restrictedPaths.pathsOf(b, m, true);
            origin = "settings (stowage.classpath)";
        } else if (trusted) {
            try {
                paths = trustedPaths.pathsOf(b, m, true);
                origin = "maven (" + b.root() + ", module " + m.name() + ")";
            } catch (ProjectException e) {
                log.accept("the classpath of " + m.root() + " could not be computed by Maven (" + e.getMessage()
                        + "); analysing with the compiled classes and the bundled runtime only. Set stowage.classpath to override.");
                paths = restrictedPaths.pathsOf(b, m, true);
                origin = "bundled only (Maven failed)";
            }
        } else {
            paths = restrictedPaths.pathsOf(b, m, true);
            origin = "bundled only (workspace not trusted: Maven is not run)";
            if (toldRestricted.compareAndSet(false, true)) {
                String message = "Stowage: this workspace is not trusted, so Maven is not run to compute the classpath of "
                        + b.root() + ". Files are analysed against the Stowage runtime and qualifiers (and classes already compiled in target/); "
                        + "findings that depend on the project's libraries may be missing. Trust the workspace, or set stowage.classpath.";
                log.accept(message);
                onRestricted.accept(message);
            }
        }
        List<String> classpath = new ArrayList<>();
        m.outputFolders().forEach(p -> classpath.add(p.toString()));
        classpath.addAll(clientClasspath != null ? clientClasspath : paths.classpath().stream().map(Path::toString).toList());
        // the restricted paths of siblings' compiled classes, when the client gave the classpath
        if (clientClasspath != null) paths.classpath().forEach(p -> classpath.add(p.toString()));
        return new Resolved(concat(classpath, bundled), paths.sourcepath().stream().map(Path::toString).toList(), m.root(), origin);
    }

    /**
     * The root folder of the build module that holds a document, if any. Cheap after the first call for
     * a folder (the poms are read once); never runs a build tool.
     */
    public Optional<Path> moduleRootOf(Path document) {
        Path file = document.toAbsolutePath().normalize();
        return workspaceRootOf(file).flatMap(r -> buildFor(file, r)).flatMap(b -> b.moduleOf(file)).map(BuildModule::root);
    }

    /** The innermost workspace folder that holds the file. */
    private Optional<Path> workspaceRootOf(Path file) {
        return roots.stream().filter(file::startsWith).max(Comparator.comparingInt(Path::getNameCount));
    }

    private Optional<MavenBuild> buildFor(Path file, Path workspaceRoot) {
        Path folder = file.getParent();
        Optional<Path> buildRoot = buildRootOfFolder.get(folder);
        if (buildRoot == null) {
            try {
                buildRoot = MavenBuild.rootFor(folder, workspaceRoot, log);
            } catch (ProjectException e) {
                log.accept("cannot read the build of " + file + ": " + e.getMessage());
                return Optional.empty();
            }
            buildRootOfFolder.put(folder, buildRoot);
        }
        if (buildRoot.isEmpty()) return Optional.empty();
        try {
            return Optional.of(builds.computeIfAbsent(buildRoot.get(), r -> MavenBuild.read(r, log)));
        } catch (ProjectException e) {
            log.accept("cannot read the build at " + buildRoot.get() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return new ArrayList<>(all);
    }

    /** Forgets what is known of the build that holds a changed pom (the client reported the change). */
    public void invalidate(Path pom) {
        Path changed = pom.toAbsolutePath().normalize();
        builds.keySet().removeIf(root -> changed.startsWith(root));
        buildRootOfFolder.clear();
        trustedPaths.invalidate(changed);
        restrictedPaths.invalidate(changed);
    }

    /** Forgets everything. */
    public void invalidateAll() {
        builds.clear();
        buildRootOfFolder.clear();
        trustedPaths.invalidateAll();
        restrictedPaths.invalidateAll();
    }
}
