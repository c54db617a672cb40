package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.*;

import dev.stowage.project.BundledLibraries;
import dev.stowage.project.ClasspathProvider;
import dev.stowage.project.MavenClasspathProvider;
import dev.stowage.project.TrustPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classpath of a document, through the project layer: the module of its build inside the
 * workspace, Maven only when the workspace is trusted, never a pom or .mvn above the workspace.
 */
class ClasspathServiceTest {

    @TempDir
    Path temp;

    final List<String> log = new ArrayList<>();
    final List<String> told = new ArrayList<>();

    static String pom(String artifactId, String body) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                <groupId>g</groupId><artifactId>%s</artifactId><version>1</version>%s</project>
                """.formatted(artifactId, body);
    }

    Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    ClasspathService service(ClasspathProvider provider, Path root) {
        ClasspathService service = new ClasspathService(provider, log::add);
        service.setRoots(List.of(root));
        service.onRestricted(told::add);
        return service;
    }

    /** A workspace whose mvnw, .mvn/jvm.config and pom build extension each try to run code. */
    Path hostileWorkspace(Path markers) throws IOException {
        Path root = temp.resolve("ws");
        Files.createDirectories(markers);
        write(root.resolve("src/main/java/a/A.java"), "package a; class A {}");
        Path mvnw = write(root.resolve("mvnw"), "#!/bin/sh\ntouch '" + markers.resolve("mvnw") + "'\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        write(root.resolve(".mvn/jvm.config"), "-Xlog:gc:file=" + markers.resolve("jvm.config") + "\n");
        write(root.resolve("pom.xml"), pom("victim", """
                <pluginRepositories><pluginRepository><id>in</id><url>file://${project.basedir}/repo</url></pluginRepository></pluginRepositories>
                <build><extensions><extension><groupId>evil</groupId><artifactId>x</artifactId><version>1</version></extension></extensions></build>
                """));
        return root;
    }

    static List<String> markers(Path markers) throws IOException {
        try (var list = Files.list(markers)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void byDefaultNoBuildToolRunsAndTheUserIsToldOnceWhy() throws IOException {
        Path markers = temp.resolve("markers");
        Path root = hostileWorkspace(markers);
        ClasspathService service = service(new MavenClasspathProvider(TrustPolicy.sanitized(), log::add, Duration.ofMinutes(2)), root);

        ClasspathService.Resolved first = service.resolve(root.resolve("src/main/java/a/A.java"), null);
        service.resolve(root.resolve("src/main/java/a/B.java"), null);

        assertEquals(List.of(), markers(markers));
        assertFalse(log.stream().anyMatch(l -> l.contains("running Maven")), log.toString());
        assertTrue(first.classpath().containsAll(BundledLibraries.paths().stream().map(Path::toString).toList()), first.classpath().toString());
        assertEquals(List.of(root.resolve("src/main/java").toString()), first.sourcepath());
        assertEquals(1, told.size(), "told once: " + told);
        assertTrue(told.getFirst().contains("not trusted") && told.getFirst().contains("may be missing"), told.getFirst());
    }

    @Test
    void aTrustedWorkspaceRunsTheSystemMavenOnASanitizedCopyNotItsWrapperNorItsMvnFolder() throws IOException {
        Path markers = temp.resolve("markers");
        Path root = hostileWorkspace(markers);
        ClasspathService service = service(new MavenClasspathProvider(TrustPolicy.sanitized(), log::add, Duration.ofMinutes(2)), root);
        service.setTrusted(true);

        ClasspathService.Resolved r = service.resolve(root.resolve("src/main/java/a/A.java"), null);

        assertEquals(List.of(), markers(markers));
        assertTrue(r.origin().startsWith("maven ("), r.origin() + " " + log);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("running Maven (mvn, sanitized")), log.toString());
        assertTrue(told.isEmpty());
    }

    @Test
    void aPomAndMvnFolderAboveTheWorkspaceAreNeverUsed(@TempDir Path outer) throws IOException {
        Path markers = outer.resolve("markers");
        Files.createDirectories(markers);
        write(outer.resolve(".mvn/jvm.config"), "-Xlog:gc:file=" + markers.resolve("planted") + "\n");
        write(outer.resolve("pom.xml"), pom("planted", ""));
        Path root = outer.resolve("ws");
        Path doc = write(root.resolve("src/A.java"), "class A {}");
        ClasspathService service = service(build -> fail("no build inside the workspace, so nothing to ask: " + build.root()), root);
        service.setTrusted(true);

        ClasspathService.Resolved r = service.resolve(doc, null);

        assertNull(r.moduleRoot());
        assertEquals(List.of(), markers(markers));
        assertEquals(BundledLibraries.paths().stream().map(Path::toString).toList(), r.classpath());
    }

    @Test
    void aDocumentOutsideEveryWorkspaceFolderGetsNoBuild(@TempDir Path elsewhere) throws IOException {
        write(elsewhere.resolve("pom.xml"), pom("p", ""));
        ClasspathService service = service(build -> fail("not asked"), temp.resolve("ws"));
        service.setTrusted(true);
        assertNull(service.resolve(elsewhere.resolve("src/main/java/A.java"), null).moduleRoot());
    }

    @Test
    void aFileOfAReactorGetsItsModulesClasspathAndItsSiblingsSourcesOneMavenRunForAll() throws IOException {
        Path root = temp.resolve("ws");
        write(root.resolve("pom.xml"), pom("parent", "<packaging>pom</packaging><modules><module>core</module><module>app</module></modules>"));
        write(root.resolve("core/pom.xml"), pom("core", ""));
        write(root.resolve("core/src/main/java/c/C.java"), "package c; public class C {}");
        write(root.resolve("app/pom.xml"), pom("app", "<dependencies><dependency><groupId>g</groupId><artifactId>core</artifactId><version>1</version></dependency></dependencies>"));
        Files.createDirectories(root.resolve("app/src/main/java/a"));
        Files.createDirectories(root.resolve("app/target/classes"));
        Path dep = write(root.resolve("lib/dep.jar"), "");
        AtomicInteger asked = new AtomicInteger();
        ClasspathService service = service(build -> {
            asked.incrementAndGet();
            assertEquals(root, build.root());
            return Map.of(root.resolve("app"), List.of(dep));
        }, root);
        service.setTrusted(true);

        ClasspathService.Resolved app = service.resolve(root.resolve("app/src/main/java/a/A.java"), null);
        service.resolve(root.resolve("core/src/main/java/c/C.java"), null);

        assertEquals(root.resolve("app"), app.moduleRoot());
        assertEquals(List.of(root.resolve("app/target/classes").toString(), dep.toString()), app.classpath().subList(0, 2));
        assertEquals(List.of(root.resolve("app/src/main/java").toString(), root.resolve("core/src/main/java").toString()), app.sourcepath());
        assertEquals(1, asked.get(), "one resolution for the whole build");
        Files.writeString(root.resolve("app/pom.xml"), Files.readString(root.resolve("app/pom.xml")) + "<!-- edited -->\n");
        service.invalidate(root.resolve("app/pom.xml"));
        service.resolve(root.resolve("app/src/main/java/a/A.java"), null);
        assertEquals(2, asked.get(), "asked again after the client reported a changed pom");
    }

    @Test
    void theClientsClasspathWinsAndAFailingMavenIsLoggedNotFatal() throws IOException {
        Path root = temp.resolve("ws");
        write(root.resolve("pom.xml"), pom("p", ""));
        ClasspathService service = service(build -> {
            throw new dev.stowage.project.ProjectException("Maven could not compute the classpath: Could not resolve dependencies");
        }, root);
        service.setTrusted(true);
        Path doc = root.resolve("src/main/java/A.java");
        assertEquals("x.jar", service.resolve(doc, List.of("x.jar")).classpath().getFirst());
        assertTrue(log.isEmpty(), "Maven is not run when the client set the classpath: " + log);
        ClasspathService.Resolved r = service.resolve(doc, null);
        assertEquals("bundled only (Maven failed)", r.origin());
        assertTrue(log.getFirst().contains("Could not resolve dependencies") && log.getFirst().contains("stowage.classpath"), log.toString());
    }
}
