package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stowage.checker.engine.SourceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stowage check} on repositories as they come: hostile ones (in the default configuration
 * nothing of theirs runs), multi-module builds, symlinks, FIFOs, and outputs written atomically.
 * Maven here is the real system {@code mvn}, on poms without dependencies.
 */
class GateProjectTest {

    @TempDir
    Path dir;

    GateRun run(Analyzer analyzer, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-dir", dir.toString()));
        return GateRun.of(analyzer, all);
    }

    Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    static String pom(String artifactId, String body) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                <groupId>evil</groupId><artifactId>%s</artifactId><version>1</version>%s</project>
                """.formatted(artifactId, body);
    }

    List<String> markers() throws IOException {
        Path markers = dir.resolve("markers");
        if (!Files.isDirectory(markers)) return List.of();
        try (var list = Files.list(markers)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** A repository whose mvnw, .mvn/ files and pom build extension each try to run code. */
    void hostileRepository(String folder) throws IOException {
        Path markers = dir.resolve("markers");
        Files.createDirectories(markers);
        write(folder + "/src/main/java/app/App.java", "package app;\nclass App {}\n");
        Path mvnw = write(folder + "/mvnw", "#!/bin/sh\ntouch '" + markers.resolve("mvnw") + "'\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        write(folder + "/.mvn/jvm.config", "-Xlog:gc:file=" + markers.resolve("jvm.config") + "\n");
        write(folder + "/.mvn/maven.config", "--log-file=" + markers.resolve("maven.config") + "\n");
        write(folder + "/.mvn/extensions.xml",
                "<extensions><extension><groupId>evil</groupId><artifactId>core</artifactId><version>1</version></extension></extensions>");
        write(folder + "/pom.xml", pom("victim", """
                <pluginRepositories><pluginRepository><id>in</id><url>file://${project.basedir}/repo</url></pluginRepository></pluginRepositories>
                <build><extensions><extension><groupId>evil</groupId><artifactId>build</artifactId><version>1</version></extension></extensions></build>
                """));
    }

    @Test
    void checkingAHostileRepositoryRunsNoneOfItsCodeAndSaysWhenItRunsMaven() throws IOException {
        hostileRepository("victim");
        GateRun run = run(new MarkerAnalyzer(), "check", "victim");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(), markers());
        assertTrue(run.err().contains("stowage: running Maven (mvn, sanitized") && run.err().contains("module . of " + dir.resolve("victim")),
                run.err());
    }

    @Test
    void aPomAndMvnFolderPlantedAboveTheCheckedFolderAreNeverRead() throws IOException {
        Path markers = dir.resolve("markers");
        Files.createDirectories(markers);
        write(".mvn/jvm.config", "-Xlog:gc:file=" + markers.resolve("planted") + "\n");
        write("pom.xml", pom("planted", "<packaging>pom</packaging><modules><module>project</module></modules>"));
        write("project/pom.xml", pom("project", ""));
        write("project/src/main/java/A.java", "class A {}\n");
        write("loose/src/B.java", "class B {}\n");

        GateRun module = run(new MarkerAnalyzer(), "check", "project");
        GateRun loose = run(new MarkerAnalyzer(), "check", "loose/src");

        assertEquals(0, module.exit(), module.err());
        assertEquals(0, loose.exit(), loose.err());
        assertFalse(loose.err().contains("Maven"), "a folder without a pom runs no Maven: " + loose.err());
        assertEquals(List.of(), markers());
    }

    @Test
    void theProjectsWrapperAndMvnFolderRunOnlyWhenTheUserSaysSo() throws IOException {
        // The control of the test above: the same repository does run code once trusted.
        hostileRepository("victim");
        write("victim/pom.xml", pom("victim", ""));
        write("victim/.mvn/extensions.xml", "<extensions/>");
        run(new MarkerAnalyzer(), "check", "victim", "--use-wrapper");
        assertEquals(List.of("mvnw"), markers());
        GateRun trusted = run(new MarkerAnalyzer(), "check", "victim", "--trust-project", "--refresh-classpath");
        assertTrue(trusted.err().contains("running Maven (mvn, trusted"), trusted.err());
        assertTrue(markers().containsAll(List.of("jvm.config", "maven.config")), markers().toString());
    }

    @Test
    void noMavenRunsNothing() throws IOException {
        hostileRepository("victim");
        GateRun run = run(new MarkerAnalyzer(), "check", "victim", "--no-maven");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("running Maven"), run.err());
        assertEquals(List.of(), markers());
    }

    void reactor() throws IOException {
        write("pom.xml", pom("parent", "<packaging>pom</packaging><modules><module>core</module><module>app</module></modules>"));
        write("core/pom.xml", pom("core", ""));
        write("core/src/main/java/core/Store.java", "package core;\npublic class Store {\n    /*BUG pointer.stale*/\n}\n");
        write("app/pom.xml", pom("app", "<dependencies><dependency><groupId>evil</groupId><artifactId>core</artifactId><version>1</version></dependency></dependencies>"));
        write("app/src/main/java/app/Main.java", "package app;\nclass Main {\n    core.Store s;\n    /*BUG handle.stale*/\n}\n");
    }

    @Test
    void aReactorIsCheckedModuleByModuleWithOneMavenRunAndPathsRelativeToTheRoot() throws IOException {
        reactor();
        MarkerAnalyzer analyzer = new MarkerAnalyzer();
        GateRun run = run(analyzer, "check", ".", "--format", "sarif", "--output", "out/report.sarif");

        assertEquals(1, run.exit(), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("running Maven")).count(), run.err());
        assertTrue(run.err().contains("3 modules ., core, app"), run.err());
        assertEquals(2, analyzer.calls.size(), "one analysis per module with sources");
        MarkerAnalyzer.Call app = analyzer.calls.stream()
                .filter(c -> c.sources().stream().map(SourceInput::path).toList().equals(List.of("app/src/main/java/app/Main.java")))
                .findFirst().orElseThrow();
        String sourcepath = app.javacOptions().get(app.javacOptions().indexOf("-sourcepath") + 1);
        assertTrue(sourcepath.contains(dir.resolve("core/src/main/java").toString()), "app sees core's sources: " + sourcepath);

        JsonObject sarif = JsonParser.parseString(Files.readString(dir.resolve("out/report.sarif"))).getAsJsonObject();
        List<String> uris = new ArrayList<>();
        sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").forEach(r -> uris.add(
                r.getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                        .getAsJsonObject("artifactLocation").get("uri").getAsString()));
        assertEquals(List.of("app/src/main/java/app/Main.java", "core/src/main/java/core/Store.java"), uris);
        try (var list = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("report.sarif"), list.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void aReactorCompilesModuleAgainstModuleWithTheRealEngine() throws IOException {
        write("pom.xml", pom("parent", "<packaging>pom</packaging><modules><module>core</module><module>app</module></modules>"));
        write("core/pom.xml", pom("core", ""));
        write("core/src/main/java/core/Pool.java", """
                package core;
                public final class Pool {
                    public static long size() { return 8; }
                }
                """);
        write("app/pom.xml", pom("app", "<dependencies><dependency><groupId>evil</groupId><artifactId>core</artifactId><version>1</version></dependency></dependencies>"));
        write("app/src/main/java/app/Main.java", """
                package app;
                import dev.stowage.store.ArenaStore;
                import dev.stowage.store.Store;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                class Main {
                    void f() {
                        try (Store store = new ArenaStore()) {
                            long h = store.allocate(core.Pool.size(), 8);
                            MemorySegment p = store.resolve(h, 8);
                            h = store.grow(h, 8, 64, 8);
                            p.set(ValueLayout.JAVA_LONG, 0, 1);
                        }
                    }
                }
                """);
        GateRun run = run(new EngineAnalyzer(), "check", ".");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("app/src/main/java/app/Main.java:12:13: error: [pointer.stale]"), run.out());
        assertTrue(run.out().contains("1 finding in 2 files checked"), run.out());
    }

    @Test
    void aSymlinkLeavingTheCheckedFolderIsSkippedUnlessAsked() throws IOException {
        write("src/A.java", "class A {}\n");
        Path secret = write("outside/Secret.java", "class Secret {\n    /*BUG pointer.stale*/\n}\n");
        Files.createSymbolicLink(dir.resolve("src/Secret.java"), secret);

        GateRun run = run(new MarkerAnalyzer(), "check", "src");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("stowage: note: skipped " + dir.resolve("src/Secret.java")), run.err());
        assertTrue(run.err().contains("--follow-symlinks"), run.err());

        GateRun followed = run(new MarkerAnalyzer(), "check", "src", "--follow-symlinks");
        assertEquals(1, followed.exit(), followed.err());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFifoNamedLikeASourceIsSkippedNotOpened() throws Exception {
        write("src/A.java", "class A {}\n");
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("src/B.java").toString()).start().waitFor());
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("C.java").toString()).start().waitFor());

        GateRun run = run(new MarkerAnalyzer(), "check", "src", "C.java");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("B.java: not a regular file (a FIFO)"), run.err());
        assertTrue(run.err().contains("C.java: not a regular file (a FIFO)"), run.err());
        assertTrue(run.out().contains("1 file checked"), run.out());
    }

    @Test
    void aBaselineIsReplacedWholeAndAnUnwritableOneSaysWhy() throws IOException {
        write("src/A.java", "class A {\n    /*BUG pointer.stale*/\n}\n");
        GateRun first = run(new MarkerAnalyzer(), "check", "src", "--write-baseline", "base.json");
        assertEquals(0, first.exit(), first.err());
        try (var list = Files.list(dir)) {
            assertEquals(List.of("base.json", "src"), list.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(dir.resolve("ro"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir.resolve("ro")), "running as root");
            GateRun denied = run(new MarkerAnalyzer(), "check", "src", "-o", "ro/r.txt");
            assertEquals(2, denied.exit());
            assertTrue(denied.err().contains("Permission denied"), denied.err());
        } finally {
            Files.setPosixFilePermissions(dir.resolve("ro"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
