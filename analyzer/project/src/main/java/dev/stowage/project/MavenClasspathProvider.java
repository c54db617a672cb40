package dev.stowage.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The dependency classpaths of a Maven build, from one run of
 * {@code maven-dependency-plugin:build-classpath} over the whole reactor, as the {@link TrustPolicy}
 * allows:
 *
 * <ul>
 *   <li><b>sanitized</b> (default): the build's poms are copied into a new temporary folder, each
 *       stripped by {@link Pom#sanitized}; the copy's root gets an empty {@code .mvn/} and Maven is
 *       started with {@code MAVEN_BASEDIR} on it and {@code -f} on its pom, so neither the project's
 *       {@code .mvn/jvm.config}, {@code maven.config}, {@code extensions.xml} nor any {@code .mvn} or
 *       {@code pom.xml} above the build is read. The executable is {@code $STOWAGE_MVN} or {@code mvn}
 *       on the PATH — never the project's {@code mvnw}.
 *   <li><b>trusted</b>: Maven runs on the project's own poms (with {@code MAVEN_BASEDIR} still pinned
 *       to the build's root); the project's {@code mvnw} only when the policy says {@code useWrapper}.
 * </ul>
 *
 * <p>Maven's output goes to a file (a process that fills a pipe nobody reads would hang), the
 * timeout is honoured and kills Maven and its children.
 *
 * <pre>{@code
 * Map<Path, List<Path>> cp = new MavenClasspathProvider(TrustPolicy.sanitized(), System.err::println, Duration.ofMinutes(10))
 *         .resolve(MavenBuild.read(root, System.err::println));
 * }</pre>
 */
public final class MavenClasspathProvider implements ClasspathProvider {

    private static final String OUTPUT_NAME = "stowage-classpath.txt";

    private final TrustPolicy policy;
    private final Consumer<String> log;
    private final Duration timeout;

    /**
     * @param log told when Maven runs, for which modules and how (the gate prints it on stderr)
     */
    public MavenClasspathProvider(TrustPolicy policy, Consumer<String> log, Duration timeout) {
        this.policy = policy;
        this.log = log;
        this.timeout = timeout;
    }

    /** {@link ClasspathProvider#NONE} when the policy runs no build tool, else Maven with a 10-minute timeout. */
    public static ClasspathProvider forPolicy(TrustPolicy policy, Consumer<String> log) {
        return policy.runBuildTool() ? new MavenClasspathProvider(policy, log, Duration.ofMinutes(10)) : ClasspathProvider.NONE;
    }

    @Override
    public Map<Path, List<Path>> resolve(ProjectBuild build) {
        if (!policy.runBuildTool()) {
            return Map.of();
        }
        Path workRoot;
        try {
            workRoot = Files.createTempDirectory("stowage-maven-");
        } catch (IOException e) {
            throw new ProjectException("cannot create a temporary folder for Maven: " + IoReasons.of(e), e);
        }
        try {
            Path mavenRoot = policy.trustProjectConfig() ? build.root() : sanitizedCopy(build, workRoot.resolve("build"));
            String outputName = policy.trustProjectConfig() ? "target/stowage/" + OUTPUT_NAME : OUTPUT_NAME;
            List<String> command = new ArrayList<>(List.of(executable(build.root())));
            command.addAll(List.of("-B", "-q", "-f", mavenRoot.resolve("pom.xml").toString(),
                    "org.apache.maven.plugins:maven-dependency-plugin:" + BuildTools.dependencyPluginVersion() + ":build-classpath",
                    "-Dmdep.outputFile=" + outputName));
            String repoLocal = System.getProperty("maven.repo.local");
            if (repoLocal != null && !repoLocal.isBlank()) command.add("-Dmaven.repo.local=" + repoLocal);
            log.accept("running Maven (" + command.getFirst() + ", " + policy.describe() + ") for the classpath of "
                    + describeModules(build));
            try {
                run(command, mavenRoot, workRoot.resolve("maven.log"), build.root());
            } catch (ProjectException e) {
                String hint = outsideParentHint(build);
                if (hint.isEmpty()) throw e;
                throw new ProjectException(e.getMessage() + "\n" + hint, e);
            }
            Map<Path, List<Path>> result = new LinkedHashMap<>();
            for (BuildModule module : build.modules()) {
                Path output = mavenRoot.resolve(build.root().relativize(module.root()).toString()).resolve(outputName);
                if (Files.isRegularFile(output)) {
                    try {
                        result.put(module.root(), parse(Files.readString(output, StandardCharsets.UTF_8)));
                        if (policy.trustProjectConfig()) Files.deleteIfExists(output);
                    } catch (IOException e) {
                        throw new ProjectException("cannot read Maven's classpath " + output + ": " + IoReasons.of(e), e);
                    }
                }
            }
            return result;
        } finally {
            deleteTree(workRoot);
        }
    }

    /** When a pom's parent is on disk above the build (not read, by design), what to do instead. */
    private static String outsideParentHint(ProjectBuild build) {
        for (BuildModule module : build.modules()) {
            Path parent = module.pom().parentPomOnDisk();
            if (parent != null && !parent.startsWith(build.root()) && Files.isRegularFile(parent)) {
                return "(the parent pom " + parent + " is outside " + build.root() + ", and Stowage never reads a pom above the"
                        + " folder it is given: check the build's root folder " + parent.getParent() + " instead, or install the parent)";
            }
        }
        return "";
    }

    private static String describeModules(ProjectBuild build) {
        List<String> names = build.modules().stream().map(BuildModule::name).toList();
        return (names.size() == 1 ? "module " : names.size() + " modules ") + String.join(", ", names)
                + " of " + build.root();
    }

    private String executable(Path root) {
        if (policy.useWrapper()) {
            Path wrapper = root.resolve(System.getProperty("os.name", "").startsWith("Windows") ? "mvnw.cmd" : "mvnw");
            if (Files.isExecutable(wrapper)) return wrapper.toString();
            log.accept("--use-wrapper: " + root + " has no executable mvnw; using the system Maven");
        }
        String configured = System.getenv("STOWAGE_MVN");
        return configured != null && !configured.isBlank() ? configured : "mvn";
    }

    /** Copies the build's poms (sanitized) under {@code copyRoot}, with an empty {@code .mvn/} at its root. */
    static Path sanitizedCopy(ProjectBuild build, Path copyRoot) {
        Set<Path> poms = new LinkedHashSet<>();
        for (BuildModule module : build.modules()) {
            // a module's parent chain on disk, while it stays inside the build
            for (Path pom = module.root().resolve("pom.xml"); pom != null && pom.startsWith(build.root()) && Files.isRegularFile(pom); ) {
                if (!poms.add(pom)) break;
                pom = Pom.read(pom).parentPomOnDisk();
            }
        }
        Set<String> reactor = build instanceof MavenBuild maven ? maven.artifactKeys() : Set.of();
        try {
            Files.createDirectories(copyRoot.resolve(".mvn"));
            for (Path pomFile : poms) {
                Pom pom = Pom.read(pomFile);
                Path parent = pom.parentPomOnDisk();
                boolean parentInCopy = parent != null && poms.contains(parent);
                Path target = copyRoot.resolve(build.root().relativize(pomFile).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, pom.sanitized(reactor, parentInCopy), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ProjectException("cannot write the sanitized copy of the poms in " + copyRoot + ": " + IoReasons.of(e), e);
        }
        return copyRoot;
    }

    private void run(List<String> command, Path directory, Path logFile, Path buildRoot) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        // The mvn script looks for .mvn/ from the pom's folder upwards (and reads .mvn/jvm.config there):
        // MAVEN_BASEDIR stops it at the folder Maven works in, never above the checked tree.
        builder.environment().put("MAVEN_BASEDIR", directory.toString());
        // Maven on the JDK this runs on, unless the user chose one.
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProjectException("cannot run Maven (" + command.getFirst() + ") for " + buildRoot + ": " + IoReasons.of(e)
                    + " (install Maven, set STOWAGE_MVN, or give the classpath yourself)", e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ProjectException("Maven took more than " + timeout.toSeconds() + " s to compute the classpath of "
                        + buildRoot + "; it was stopped");
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProjectException("interrupted while Maven computed the classpath of " + buildRoot, e);
        }
        if (process.exitValue() != 0) {
            String output;
            try {
                output = Files.readString(logFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                output = "(its output could not be read: " + IoReasons.of(e) + ")";
            }
            throw new ProjectException("Maven could not compute the classpath of " + buildRoot + " ("
                    + String.join(" ", command) + " exited with " + process.exitValue() + "):\n" + tail(output, 30));
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static List<Path> parse(String classpathText) {
        if (classpathText.isBlank()) return List.of();
        return Arrays.stream(classpathText.strip().split(java.io.File.pathSeparator))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\\R");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary folder; the OS cleans its temp folder
        }
    }
}
