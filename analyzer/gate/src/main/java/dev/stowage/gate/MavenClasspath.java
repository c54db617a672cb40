package dev.stowage.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The compile classpath of a Maven project, as Maven itself computes it
 * ({@code dependency:build-classpath}), cached until the project's {@code pom.xml} changes.
 *
 * <p>The cache is {@code target/stowage/classpath-<sha256 of pom.xml>.txt} in the project; a cached
 * classpath naming a jar that no longer exists is recomputed. Maven is the project's {@code mvnw}
 * when it has one, else {@code $STOWAGE_MVN}, else {@code mvn} on the PATH.
 *
 * <pre>{@code
 * List<Path> cp = new MavenClasspath(false, System.err::println).classpathOf(Path.of("my-project"));
 * }</pre>
 *
 * <p>Limitation: the key is the project's own pom only; a change in a parent pom is not noticed
 * (use {@code --refresh-classpath}).
 */
public class MavenClasspath {

    private final boolean refresh;
    private final Consumer<String> log;

    public MavenClasspath(boolean refresh, Consumer<String> log) {
        this.refresh = refresh;
        this.log = log;
    }

    /**
     * @throws GateException when Maven cannot be run or fails, with the tail of its output
     */
    public List<Path> classpathOf(Path projectDirectory) {
        Path pom = projectDirectory.resolve("pom.xml");
        String key;
        try {
            key = sha256(Files.readAllBytes(pom)).substring(0, 16);
        } catch (IOException e) {
            throw new GateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
        Path cache = projectDirectory.resolve("target/stowage/classpath-" + key + ".txt");
        if (!refresh && Files.isRegularFile(cache)) {
            try {
                List<Path> cached = parse(Files.readString(cache, StandardCharsets.UTF_8));
                if (cached.stream().allMatch(Files::exists)) {
                    log.accept("using the classpath cached in " + cache + " (pom.xml unchanged)");
                    return cached;
                }
            } catch (IOException e) {
                // an unreadable cache is recomputed below
            }
        }
        String classpathText = runMaven(projectDirectory);
        try {
            Files.createDirectories(cache.getParent());
            Path temporary = Files.createTempFile(cache.getParent(), "classpath", ".tmp");
            Files.writeString(temporary, classpathText, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.accept("could not cache the classpath in " + cache + " (" + e.getMessage() + "); continuing");
        }
        return parse(classpathText);
    }

    /** Runs Maven in the project and returns the classpath text it wrote. */
    protected String runMaven(Path projectDirectory) {
        List<String> command = new ArrayList<>(mavenCommand(projectDirectory));
        Path output;
        Path logFile;
        try {
            output = Files.createTempFile("stowage-classpath", ".txt");
            logFile = Files.createTempFile("stowage-maven", ".log");
        } catch (IOException e) {
            throw new GateException("cannot create a temporary file: " + e.getMessage(), e);
        }
        command.addAll(List.of("-q", "-B",
                "org.apache.maven.plugins:maven-dependency-plugin:" + BuildInfo.dependencyPluginVersion() + ":build-classpath",
                "-Dmdep.outputFile=" + output.toAbsolutePath()));
        String repoLocal = System.getProperty("maven.repo.local");
        if (repoLocal != null) {
            command.add("-Dmaven.repo.local=" + repoLocal);
        }
        log.accept("asking Maven for the classpath of " + projectDirectory + " (cached afterwards)");
        try {
            Process process = new ProcessBuilder(command).directory(projectDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new GateException("Maven took more than 10 minutes to compute the classpath of " + projectDirectory);
            }
            if (process.exitValue() != 0) {
                throw new GateException("Maven could not compute the classpath of " + projectDirectory
                        + " (" + String.join(" ", command) + " exited with " + process.exitValue() + "):\n"
                        + tail(Files.readString(logFile, StandardCharsets.UTF_8), 30)
                        + "\n(or give the classpath yourself with --classpath and --no-maven)");
            }
            return Files.readString(output, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new GateException("cannot run Maven (" + command.getFirst() + ") for " + projectDirectory + ": "
                    + e.getMessage() + " (install Maven, set STOWAGE_MVN, or give --classpath with --no-maven)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateException("interrupted while Maven computed the classpath", e);
        } finally {
            try {
                Files.deleteIfExists(output);
                Files.deleteIfExists(logFile);
            } catch (IOException ignored) {
                // temporary files; the OS cleans its temp folder
            }
        }
    }

    private static List<String> mavenCommand(Path projectDirectory) {
        Path wrapper = projectDirectory.resolve("mvnw");
        if (Files.isExecutable(wrapper)) {
            return List.of(wrapper.toAbsolutePath().toString());
        }
        String configured = System.getenv("STOWAGE_MVN");
        return List.of(configured != null && !configured.isBlank() ? configured : "mvn");
    }

    static List<Path> parse(String classpathText) {
        if (classpathText.isBlank()) {
            return List.of();
        }
        return Arrays.stream(classpathText.strip().split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\\R");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
