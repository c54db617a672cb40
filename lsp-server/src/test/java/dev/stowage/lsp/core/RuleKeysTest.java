package dev.stowage.lsp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.checker.api.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server takes its codes, default severities and rule links from the engine's {@link Rule};
 * the VS Code extension, which does no analysis, lists the keys for its settings: both of its lists
 * must be {@link Rule}'s, in its order.
 */
class RuleKeysTest {

    private static final Path EXTENSION = Path.of("../vscode-extension");

    @Test
    void theExtensionListsExactlyTheRuleKeys() throws IOException {
        String settings = Files.readString(EXTENSION.resolve("src/settings.ts"));
        String keysBlock = settings.substring(settings.indexOf("DIAGNOSTIC_KEYS = ["), settings.indexOf("] as const"));
        assertEquals(Rule.keys(), quoted(keysBlock, '\''), "vscode-extension/src/settings.ts DIAGNOSTIC_KEYS");
        String manifest = Files.readString(EXTENSION.resolve("package.json"));
        int severity = manifest.indexOf("\"stowage.severity\"");
        int names = manifest.indexOf("\"propertyNames\"", severity);
        String enumBlock = manifest.substring(manifest.indexOf('[', names), manifest.indexOf(']', names));
        assertEquals(Rule.keys(), quoted(enumBlock, '"'), "vscode-extension/package.json stowage.severity keys");
    }

    @Test
    void severitiesAndLinksComeFromTheRule() {
        Settings s = Settings.defaults().withRulesBaseUrl("https://x/rules/");
        assertEquals("https://x/rules/qualifiers.md", s.ruleUrl("argument"));
        assertEquals("https://x/rules/pointer.stale.md", s.ruleUrl("stowage:pointer.stale"));
        assertEquals(Severity.ERROR, s.severityOf("stowage:return"));
        List<String> problems = new ArrayList<>();
        Settings parsed = SettingsParser.apply(Settings.defaults(), com.google.gson.JsonParser.parseString(
                "{\"stowage\":{\"severities\":{\"override.param\":\"warning\",\"pointer.escape\":\"hint\"}}}"), problems::add);
        assertEquals(Severity.HINT, parsed.severityOf("pointer.escape"));
        assertEquals(1, problems.size(), problems::toString);
    }

    private static List<String> quoted(String block, char quote) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(String.valueOf(quote)) + "([^" + quote + "]+)" + Pattern.quote(String.valueOf(quote))).matcher(block);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
