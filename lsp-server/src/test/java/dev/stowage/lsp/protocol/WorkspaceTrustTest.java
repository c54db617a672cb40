package dev.stowage.lsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.stowage.lsp.core.Settings;
import dev.stowage.lsp.support.FakeEngine;
import dev.stowage.lsp.support.TestClient;
import dev.stowage.project.ClasspathProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract with clients on trust: {@code initializationOptions.workspaceTrusted} (default
 * false), or the setting {@code stowage.project.trusted} for clients that have no workspace trust.
 */
class WorkspaceTrustTest {

    @TempDir
    Path root;

    final AtomicInteger mavenRuns = new AtomicInteger();
    final ClasspathProvider countingMaven = build -> {
        mavenRuns.incrementAndGet();
        return Map.of();
    };

    String project() throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version></project>");
        Path file = root.resolve("src/main/java/A.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class A {}\n");
        return file.toUri().toString();
    }

    int analyseOnce(Object initializationOptions) throws Exception {
        String uri = project();
        try (TestClient client = new TestClient(FakeEngine.factory(new FakeEngine()), countingMaven, Settings.defaults())) {
            client.initialize(root.toUri().toString(), initializationOptions, false);
            client.open(uri, 1, "class A {}\n");
            client.awaitVersion(uri, 1);
            client.open(uri.replace("A.java", "B.java"), 1, "class B {}\n");
            client.awaitVersion(uri.replace("A.java", "B.java"), 1);
            long told = client.log.stream().filter(l -> l.startsWith("showMessage: Stowage: this workspace is not trusted")).count();
            assertEquals(mavenRuns.get() == 0 ? 1 : 0, told, client.log.toString());
            return mavenRuns.get();
        }
    }

    @Test
    void withoutAWordFromTheClientTheWorkspaceIsRestrictedAndTheUserIsToldOnce() throws Exception {
        assertEquals(0, analyseOnce(null));
    }

    @Test
    void theClientSayingTheWorkspaceIsTrustedLetsMavenRun() throws Exception {
        assertEquals(1, analyseOnce(JsonParser.parseString("{\"workspaceTrusted\": true}")));
    }

    @Test
    void theSettingTrustsOnlyWhenTheClientHasNoWordOnTrust() throws Exception {
        assertEquals(1, analyseOnce(JsonParser.parseString("{\"stowage\": {\"project\": {\"trusted\": true}}}")));
        mavenRuns.set(0);
        assertEquals(0, analyseOnce(JsonParser.parseString(
                "{\"workspaceTrusted\": false, \"stowage\": {\"project\": {\"trusted\": true}}}")),
                "a workspace's own settings cannot trust it against the editor");
    }

    @Test
    void trustSettingsAreReadFromEitherShape() {
        assertEquals(java.util.Optional.of(true), dev.stowage.lsp.core.WorkspaceTrust.settingSaid(
                JsonParser.parseString("{\"stowage\": {\"project.trusted\": true}}")));
        assertEquals(java.util.Optional.empty(), dev.stowage.lsp.core.WorkspaceTrust.clientSaid(
                JsonParser.parseString("{\"workspaceTrusted\": \"yes\"}")));
        assertTrue(List.of().isEmpty());
    }
}
