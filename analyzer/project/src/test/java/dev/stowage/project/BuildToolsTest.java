package dev.stowage.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin versions the layer runs are the root pom's, and the rule pages travel in the jar. */
class BuildToolsTest {

    @Test
    void theDependencyPluginVersionIsTheOnePinnedInTheRootPom() throws IOException {
        String rootPom = Files.readString(Path.of(System.getProperty("stowage.repo.root"), "pom.xml"));
        Matcher pinned = Pattern.compile("<plugin\\.dependency\\.version>([^<]+)</plugin\\.dependency\\.version>").matcher(rootPom);
        assertTrue(pinned.find(), "the root pom pins maven-dependency-plugin");
        assertEquals(pinned.group(1), BuildTools.dependencyPluginVersion());
    }

    @Test
    void everyRulePageIsBundledAndTheRepositoryIsFoundAsARulesFolder() {
        assertTrue(RuleDocs.markdown("pointer.stale").orElseThrow().contains("pointer.stale"));
        assertTrue(RuleDocs.markdown("no.such.rule").isEmpty());
        Path repository = Path.of(System.getProperty("stowage.repo.root"));
        assertEquals(repository.resolve("docs/rules"), RuleDocs.folderIn(repository).orElseThrow());
    }
}
