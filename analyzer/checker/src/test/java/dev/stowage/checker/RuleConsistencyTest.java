package dev.stowage.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.api.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Rule} is the one list of diagnostic keys: {@code messages.properties}, the rule pages under
 * {@code docs/rules/} and the table of docs/rules/README.md must name exactly its keys (the gate's
 * SARIF rules are checked in SarifFormatTest, the editor's key lists in the server's test).
 */
class RuleConsistencyTest {

    private static final Path RULES_DOCS = Path.of("../../docs/rules");

    @Test
    void messagesPropertiesHasExactlyTheRuleKeys() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = StowageChecker.class.getResourceAsStream("messages.properties")) {
            messages.load(in);
        }
        assertEquals(new TreeSet<>(Rule.keys()), new TreeSet<>(messages.stringPropertyNames()));
    }

    @Test
    void everyRuleHasItsPageAndEveryPageARule() throws IOException {
        Set<String> pages = Stream.of(Rule.values()).map(Rule::docPage).collect(Collectors.toCollection(TreeSet::new));
        for (String page : pages) {
            assertTrue(Files.isRegularFile(RULES_DOCS.resolve(page)), "docs/rules/" + page + " is missing");
        }
        try (Stream<Path> files = Files.list(RULES_DOCS)) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(pages, onDisk, "a page under docs/rules/ without a Rule, or the other way round");
        }
    }

    @Test
    void theReadmeLinksEveryKeyToItsPage() throws IOException {
        String readme = Files.readString(RULES_DOCS.resolve("README.md"));
        for (Rule rule : Rule.values()) {
            assertTrue(readme.contains("`" + rule.key() + "`") && readme.contains("(" + rule.docPage() + ")"),
                    "docs/rules/README.md does not name " + rule.key() + " with a link to " + rule.docPage());
        }
    }

    @Test
    void keysAreUniqueAndPrefixed() {
        assertEquals(Rule.values().length, new TreeSet<>(Rule.keys()).size());
        assertEquals("stowage:pointer.stale", Rule.of("stowage:pointer.stale").orElseThrow().qualifiedKey());
        assertTrue(Rule.of("override.param").isEmpty(), "the checker never reports override.param");
    }
}
