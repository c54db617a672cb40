package dev.stowage.lsp.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds the classpath a document is analysed with: the client's {@code stowage.classpath} if set,
 * else the document's Maven module ({@code mvn dependency:build-classpath}, cached per {@code pom.xml}
 * and refreshed when that file changes), plus the module's own compiled classes. The module's source
 * folders go on javac's source path, so classes of the workspace that are not compiled yet are found.
 *
 * <pre>{@code
 * ClasspathService cp = new ClasspathService(ClasspathService.mavenRunner(), System.err::println);
 * ClasspathService.Resolved r = cp.resolve(Path.of("src/main/java/a/A.java"), null);
 * r.classpath();   // dependency jars + target/classes
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

    /** Runs Maven in a module folder and returns the classpath entries it printed, or throws with Maven's output. */
    @FunctionalInterface
    public interface MavenRunner {
        List<String> buildClasspath(Path moduleRoot) throws IOException;
    }

    private record Cached(FileTime pomTime, List<String> entries) {}

    private final MavenRunner maven;
    private final Consumer<String> log;
    private final Map<Path, Cached> byPom = new ConcurrentHashMap<>();

    public ClasspathService(MavenRunner maven, Consumer<String> log) {
        this.maven = maven;
        this.log = log;
    }

    /**
     * The paths for a document (a file path, possibly not on disk yet).
     *
     * @param clientClasspath the client's setting, or {@code null} to ask Maven
     */
    public Resolved resolve(Path document, List<String> clientClasspath) {
        Path moduleRoot = findModuleRoot(document);
        List<String> sourcepath = new ArrayList<>();
        if (moduleRoot != null) {
            for (String folder : List.of("src/main/java", "src/test/java")) {
                Path p = moduleRoot.resolve(folder);
                if (Files.isDirectory(p)) sourcepath.add(p.toString());
            }
        }
        if (clientClasspath != null) {
            return new Resolved(clientClasspath, sourcepath, moduleRoot, "settings (stowage.classpath)");
        }
        if (moduleRoot == null) return new Resolved(List.of(), List.of(), null, "none (no pom.xml above " + document + ")");
        Path pom = moduleRoot.resolve("pom.xml");
        List<String> entries = new ArrayList<>(mavenClasspath(pom));
        for (String out : List.of("target/classes", "target/test-classes")) {
            Path p = moduleRoot.resolve(out);
            if (Files.isDirectory(p)) entries.add(0, p.toString());
        }
        return new Resolved(entries, sourcepath, moduleRoot, "maven (" + pom + ")");
    }

    /** Forgets what Maven said for one pom (called when the client reports the pom changed). */
    public void invalidate(Path pom) {
        byPom.remove(pom.toAbsolutePath().normalize());
    }

    /** Forgets everything. */
    public void invalidateAll() {
        byPom.clear();
    }

    private List<String> mavenClasspath(Path pom) {
        Path key = pom.toAbsolutePath().normalize();
        FileTime time = modified(key);
        Cached cached = byPom.get(key);
        if (cached != null && cached.pomTime().equals(time)) return cached.entries();
        List<String> entries;
        try {
            entries = maven.buildClasspath(key.getParent());
            log.accept("classpath of " + key + ": " + entries.size() + " entries from Maven");
        } catch (IOException | RuntimeException e) {
            log.accept("classpath of " + key + " could not be computed by Maven (" + e.getMessage()
                    + "); analysing with the module's compiled classes only. Set stowage.classpath to override.");
            entries = List.of();
        }
        byPom.put(key, new Cached(time, List.copyOf(entries)));
        return entries;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The nearest folder above the document that holds a {@code pom.xml}, or {@code null}. */
    public static Path findModuleRoot(Path document) {
        Path dir = document.toAbsolutePath().normalize().getParent();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) return dir;
            dir = dir.getParent();
        }
        return null;
    }

    /**
     * The real runner: {@code mvn -q -B dependency:build-classpath} in the module, on the JDK the
     * server runs on, output to a temporary file; Maven's own output goes to the log only on failure.
     */
    public static MavenRunner mavenRunner() {
        return moduleRoot -> {
            Path out = Files.createTempFile("stowage-classpath", ".txt");
            try {
                List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-q", "-B",
                        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                        "-Dmdep.outputFile=" + out, "-Dmdep.includeScope=test"));
                ProcessBuilder pb = new ProcessBuilder(command).directory(moduleRoot.toFile()).redirectErrorStream(true);
                Map<String, String> env = new LinkedHashMap<>(pb.environment());
                pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
                Process process = pb.start();
                process.getOutputStream().close();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException("mvn timed out in " + moduleRoot);
                }
                if (process.exitValue() != 0) {
                    String text = new String(output, StandardCharsets.UTF_8);
                    throw new IOException("mvn exited with " + process.exitValue() + " in " + moduleRoot + ": "
                            + text.substring(Math.max(0, text.length() - 2000)) + " (env PATH=" + env.get("PATH") + ")");
                }
                String text = Files.readString(out).trim();
                List<String> entries = new ArrayList<>();
                for (String e : text.split(java.io.File.pathSeparator)) if (!e.isBlank()) entries.add(e.trim());
                return entries;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running mvn in " + moduleRoot, e);
            } finally {
                Files.deleteIfExists(out);
            }
        };
    }

    private static String mavenExecutable() {
        String configured = System.getenv("STOWAGE_MVN");
        return configured != null && !configured.isBlank() ? configured : "mvn";
    }
}
