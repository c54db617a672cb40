package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classpath of a document: the client's setting, or its Maven module's, cached per pom.xml. */
class ClasspathServiceTest {

    @Test
    void mavenIsAskedOncePerPomAndAgainWhenThePomChanges(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("src/main/java/a"));
        Files.createDirectories(root.resolve("target/classes"));
        AtomicInteger runs = new AtomicInteger();
        ClasspathService service = new ClasspathService(module -> {
            runs.incrementAndGet();
            assertEquals(root.toAbsolutePath().normalize(), module);
            return List.of("/repo/dep-" + runs.get() + ".jar");
        }, s -> {});
        Path doc = root.resolve("src/main/java/a/A.java");
        ClasspathService.Resolved first = service.resolve(doc, null);
        assertEquals(List.of(root.resolve("target/classes").toString(), "/repo/dep-1.jar"), first.classpath());
        assertEquals(List.of(root.resolve("src/main/java").toString()), first.sourcepath());
        assertTrue(first.javacOptions().contains("-sourcepath"));
        service.resolve(doc, null);
        assertEquals(1, runs.get(), "cached while the pom is unchanged");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertEquals("/repo/dep-2.jar", service.resolve(doc, null).classpath().get(1));
        service.invalidate(root.resolve("pom.xml"));
        service.resolve(doc, null);
        assertEquals(3, runs.get(), "asked again after the client reported a change");
    }

    @Test
    void theClientsClasspathWinsAndAFailingMavenIsLoggedNotFatal(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        List<String> log = new ArrayList<>();
        ClasspathService service = new ClasspathService(module -> {
            throw new IOException("mvn exited with 1: Could not resolve dependencies");
        }, log::add);
        Path doc = root.resolve("A.java");
        assertEquals(List.of("x.jar"), service.resolve(doc, List.of("x.jar")).classpath());
        assertTrue(log.isEmpty(), "Maven is not run when the client set the classpath");
        assertEquals(List.of(), service.resolve(doc, null).classpath());
        assertTrue(log.get(0).contains("Could not resolve dependencies") && log.get(0).contains("stowage.classpath"), log.toString());
    }

    @Test
    void aDocumentOutsideAnyMavenModuleGetsNoClasspath(@TempDir Path root) {
        ClasspathService service = new ClasspathService(module -> fail("no pom, no Maven"), s -> {});
        ClasspathService.Resolved r = service.resolve(root.resolve("Loose.java"), null);
        assertTrue(r.classpath().isEmpty());
        assertNull(r.moduleRoot());
    }
}
