package dev.stowage.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reactor read from its poms, and the paths each module is analysed with. */
class MavenBuildTest {

    @TempDir
    Path root;

    final List<String> notes = new ArrayList<>();

    static String pom(String artifactId, String body) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                <groupId>g</groupId><artifactId>%s</artifactId><version>1</version>%s</project>
                """.formatted(artifactId, body);
    }

    void module(String folder, String artifactId, String body) throws IOException {
        Path dir = root.resolve(folder);
        Files.createDirectories(dir.resolve("src/main/java"));
        Files.writeString(dir.resolve("pom.xml"), pom(artifactId, body));
    }

    void reactor() throws IOException {
        Files.writeString(root.resolve("pom.xml"), pom("parent",
                "<packaging>pom</packaging><modules><module>core</module><module>apps</module><module>../escape</module><module>ghost</module></modules>"));
        module("core", "core", "");
        Files.createDirectories(root.resolve("apps"));
        Files.writeString(root.resolve("apps/pom.xml"), pom("apps", "<packaging>pom</packaging><modules><module>cli</module></modules>"));
        module("apps/cli", "cli", "<dependencies><dependency><groupId>${project.groupId}</groupId><artifactId>core</artifactId><version>1</version></dependency>"
                + "<dependency><groupId>x</groupId><artifactId>lib</artifactId><version>1</version></dependency></dependencies>");
    }

    @Test
    void readsModulesRecursivelyAndNeverLeavesTheRoot() throws IOException {
        reactor();
        MavenBuild build = MavenBuild.read(root, notes::add);
        assertEquals(List.of(".", "core", "apps", "apps/cli"), build.modules().stream().map(BuildModule::name).toList());
        assertTrue(notes.stream().anyMatch(n -> n.contains("../escape") && n.contains("outside")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("ghost") && n.contains("no pom.xml")), notes.toString());
        BuildModule cli = build.module(root.resolve("apps/cli")).orElseThrow();
        assertEquals(List.of(root.resolve("core")), cli.dependsOn());
        assertEquals("apps/cli", build.moduleOf(root.resolve("apps/cli/src/main/java/x/X.java")).orElseThrow().name());
    }

    @Test
    void aModuleIsAnalysedWithItsSiblingsSourcesAndClasspaths() throws IOException {
        reactor();
        MavenBuild build = MavenBuild.read(root, notes::add);
        Path guava = Files.createFile(root.resolve("guava.jar"));
        Path lib = Files.createFile(root.resolve("lib.jar"));
        AtomicInteger asked = new AtomicInteger();
        ClasspathProvider provider = b -> {
            asked.incrementAndGet();
            return Map.of(root.resolve("core"), List.of(guava), root.resolve("apps/cli"), List.of(lib));
        };
        ProjectClasspaths paths = new ProjectClasspaths(provider, notes::add, false);
        ProjectClasspaths.ModulePaths cli = paths.pathsOf(build, build.module(root.resolve("apps/cli")).orElseThrow(), false);
        assertEquals(List.of(lib, guava), cli.classpath());
        assertEquals(List.of(root.resolve("apps/cli/src/main/java"), root.resolve("core/src/main/java")), cli.sourcepath());

        paths.pathsOf(build, build.module(root.resolve("core")).orElseThrow(), false);
        assertEquals(1, asked.get(), "one resolution for the whole build");
        new ProjectClasspaths(provider, notes::add, false).dependencies(build);
        assertEquals(1, asked.get(), "a new run reads the cache file");
        Files.writeString(root.resolve("core/pom.xml"), pom("core", "<!-- changed -->"));
        new ProjectClasspaths(provider, notes::add, false).dependencies(MavenBuild.read(root, notes::add));
        assertEquals(2, asked.get(), "a changed pom asks again");
        Files.delete(guava);
        new ProjectClasspaths(provider, notes::add, false).dependencies(MavenBuild.read(root, notes::add));
        assertEquals(3, asked.get(), "a cache naming a missing jar is stale");
        new ProjectClasspaths(provider, notes::add, true).dependencies(MavenBuild.read(root, notes::add));
        assertEquals(4, asked.get(), "refresh ignores the cache");
    }

    @Test
    void theBuildRootOfAFolderIsFoundWithoutLookingAboveTheBoundary() throws IOException {
        reactor();
        Path cli = root.resolve("apps/cli");
        assertEquals(root, MavenBuild.rootFor(cli.resolve("src/main/java"), root, notes::add).orElseThrow());
        assertEquals(cli, MavenBuild.rootFor(cli.resolve("src/main/java"), cli, notes::add).orElseThrow(),
                "the reactor root above the boundary is not looked at");
        Path loose = root.getParent().resolve(root.getFileName() + "-loose");
        assertTrue(MavenBuild.rootFor(loose, loose, notes::add).isEmpty() || !Files.exists(loose));
    }

    @Test
    void aPomWithADoctypeIsRefused() throws IOException {
        Files.writeString(root.resolve("pom.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <project><artifactId>&x;</artifactId></project>
                """);
        ProjectException e = assertThrows(ProjectException.class, () -> MavenBuild.read(root, notes::add));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void theSanitizedPomDropsSiblingDependenciesAndAnOutsideParentPath() throws IOException {
        reactor();
        MavenBuild build = MavenBuild.read(root, notes::add);
        String cli = build.module(root.resolve("apps/cli")).orElseThrow().pom().sanitized(build.artifactKeys(), false);
        assertTrue(!cli.contains("<artifactId>core</artifactId>") && cli.contains("<artifactId>lib</artifactId>"), cli);
    }
}
