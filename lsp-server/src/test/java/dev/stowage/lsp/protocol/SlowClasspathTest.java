package dev.stowage.lsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.lsp.core.Engine;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.support.FakeEngine;
import dev.stowage.lsp.support.TestClient;
import dev.stowage.project.ClasspathProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build tool that hangs computing one module's classpath blocks nothing else: that module's files
 * are analysed with the provisional classpath at once, other files and hover answer, progress is
 * shown, and the module's files are analysed again when its classpath arrives.
 */
class SlowClasspathTest {

    @Test
    void aHungClasspathResolutionBlocksNeitherOtherFilesNorHoverAndItsModuleIsAnalysedAgainWhenItArrives(@TempDir Path root) throws Exception {
        Path slow = root.resolve("slow"), fast = root.resolve("fast");
        for (Path module : List.of(slow, fast)) {
            Files.createDirectories(module.resolve("src/main/java/m"));
            Files.writeString(module.resolve("pom.xml"), "<project><groupId>g</groupId><artifactId>" + module.getFileName() + "</artifactId><version>1</version></project>");
        }
        String slowUri = slow.resolve("src/main/java/m/A.java").toUri().toString();
        String fastUri = fast.resolve("src/main/java/m/B.java").toUri().toString();
        CountDownLatch mavenMayFinish = new CountDownLatch(1);
        ClasspathProvider maven = build -> {
            if (build.root().endsWith("slow")) {
                try {
                    mavenMayFinish.await(5, TimeUnit.MINUTES); // "hangs" until the test lets it go
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of(build.root(), List.of(Path.of("/deps/slow-dependency.jar")));
            }
            return Map.of(build.root(), List.of(Path.of("/deps/fast-dependency.jar")));
        };
        FakeEngine engine = new FakeEngine();
        List<List<String>> engineClasspaths = new CopyOnWriteArrayList<>();
        Engine.Factory factory = (classpath, options) -> {
            engineClasspaths.add(classpath);
            return engine;
        };
        try (TestClient client = new TestClient(factory, maven, Settings.defaults())) {
            client.initialize(root.toUri().toString(), Map.of("workspaceTrusted", true), false); // Maven runs only when trusted
            client.open(slowUri, 1, "package m; class A { void f() { grow(1); use(STALE_a); } }");
            client.open(fastUri, 1, "package m; class B { void f() { grow(1); use(STALE_b); } }");

            // Both within a second: the other module's file, and the hung module's own (provisionally).
            assertEquals(1, client.awaitDiagnostics(fastUri, p -> p.getDiagnostics().size() == 1, Duration.ofSeconds(1)).getDiagnostics().size());
            client.awaitDiagnostics(slowUri, p -> p.getDiagnostics().size() == 1, Duration.ofSeconds(1));
            // Hover answers while Maven still hangs (the first hover starts javac cold: seconds, not the hang's minutes).
            client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(fastUri), new Position(0, 20)))
                    .get(20, TimeUnit.SECONDS);
            client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(slowUri), new Position(0, 20)))
                    .get(20, TimeUnit.SECONDS);
            assertTrue(client.progress.stream().anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressBegin b
                    && b.getTitle().contains("classpath of slow")), "progress shown: " + client.progress);
            assertTrue(engineClasspaths.stream().noneMatch(cp -> cp.contains("/deps/slow-dependency.jar")));

            int before = client.publishedFor(slowUri).size();
            mavenMayFinish.countDown();
            client.awaitDiagnostics(slowUri, p -> client.publishedFor(slowUri).size() > before, Duration.ofSeconds(10));
            assertTrue(engineClasspaths.stream().anyMatch(cp -> cp.contains("/deps/slow-dependency.jar")),
                    "analysed again with the module's classpath: " + engineClasspaths);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end && client.progress.stream().noneMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd e
                    && e.getMessage().contains("slow-dependency") || p.getValue().getLeft() instanceof WorkDoneProgressEnd e2 && e2.getMessage().contains("1 entries"))) {
                Thread.sleep(20);
            }
            assertTrue(client.progress.stream().anyMatch(p -> p.getValue().getLeft() instanceof WorkDoneProgressEnd), "progress ended: " + client.progress);
        }
    }
}
