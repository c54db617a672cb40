package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.Fix;
import dev.stowage.checker.api.Message;
import dev.stowage.checker.api.Template;
import dev.stowage.checker.api.TextEdit;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.api.SourceRange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifFormatTest {

    static final String SOURCE = "class A {\n    void f() {\n        h = store.grow(h, 8, 16, 8);\n        p.get(0);\n    }\n}\n";
    final SourceFile file = new SourceFile(Path.of("/repo/src/A.java"), "src/A.java", SOURCE);

    GateReport report(boolean baselineUsed) {
        Finding finding = new Finding(dev.stowage.checker.api.Rule.POINTER_STALE,
                Message.of(Template.STALE_POINTER, "p", Message.of(Template.ORIGIN_RESOLVED, "store", new SourceRange("src/A.java", 2, 1, 2, 1, 10, 10)),
                        "", Message.of(Template.CAUSE_CALL, "store.grow(...)", new SourceRange("src/A.java", 3, 13, 3, 36, 30, 53)),
                        "may have moved its memory"),
                new SourceRange("src/A.java", 4, 9, 4, 17, 60, 68), "class A.method f()",
                List.of(new RelatedLocation(RelatedLocation.Role.INVALIDATION, new SourceRange("src/A.java", 3, 13, 3, 36, 30, 53),
                        "'store.grow(...)' may have moved the memory")),
                List.of(new Fix(Fix.Kind.RERESOLVE, "Resolve 'p' again", true,
                        List.of(new TextEdit(new SourceRange("src/A.java", 3, 37, 3, 37, 54, 54), "\n        p = store.resolve(h, 16);")))));
        GateFinding gf = new GateFinding(finding, file, Level.WARNING, "class A.method f()", "0123456789abcdef0123456789abcdef",
                baselineUsed ? GateFinding.BaselineState.NEW : GateFinding.BaselineState.NONE);
        return new GateReport(List.of(gf), 1, baselineUsed, 0, Duration.ofMillis(10));
    }

    String render(boolean baselineUsed, String rulesUri) {
        return new SarifFormat("0.1.0", Path.of("/repo"), rulesUri,
                SeverityConfig.parse(List.of("pointer.stale=warning", "handle.foreign=off")))
                .render(report(baselineUsed), Map.of("src/A.java", file));
    }

    @Test
    void isValidAgainstTheOfficialSchema() throws IOException {
        SarifSchema.assertSchemaRejectsBrokenSarif();
        SarifSchema.assertValid(render(false, null));
        SarifSchema.assertValid(render(true, "https://example.org/stowage/docs/rules/"));
    }

    @Test
    void hasOneRulePerKeyTheResultItsRelatedLocationAndFingerprint() {
        JsonObject run = JsonParser.parseString(render(false, "https://example.org/docs/rules/"))
                .getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        // The rules are the engine's Rule enum, in its order, and nothing else.
        java.util.List<String> ids = new java.util.ArrayList<>();
        rules.forEach(r -> ids.add(r.getAsJsonObject().get("id").getAsString()));
        assertEquals(java.util.Arrays.stream(dev.stowage.checker.api.Rule.values()).map(dev.stowage.checker.api.Rule::qualifiedKey).toList(), ids);
        JsonObject qualifiers = rules.get(dev.stowage.checker.api.Rule.ARGUMENT.ordinal()).getAsJsonObject();
        assertEquals("https://example.org/docs/rules/qualifiers.md", qualifiers.get("helpUri").getAsString());
        org.junit.jupiter.api.Assertions.assertTrue(qualifiers.getAsJsonObject("help").get("markdown").getAsString().contains("[argument]"),
                "the bundled page of the qualifier keys is the SARIF help");
        JsonObject pointerStale = rules.get(1).getAsJsonObject();
        assertEquals("stowage:pointer.stale", pointerStale.get("id").getAsString());
        assertEquals("https://example.org/docs/rules/pointer.stale.md", pointerStale.get("helpUri").getAsString());
        assertEquals("warning", pointerStale.getAsJsonObject("defaultConfiguration").get("level").getAsString());
        assertEquals(false, rules.get(5).getAsJsonObject().getAsJsonObject("defaultConfiguration").get("enabled").getAsBoolean());

        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("stowage:pointer.stale", result.get("ruleId").getAsString());
        assertEquals(1, result.get("ruleIndex").getAsInt());
        assertEquals("warning", result.get("level").getAsString());
        JsonObject location = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
        assertEquals("src/A.java", location.getAsJsonObject("artifactLocation").get("uri").getAsString());
        assertEquals("SRCROOT", location.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString());
        assertEquals(4, location.getAsJsonObject("region").get("startLine").getAsInt());
        JsonObject related = result.getAsJsonArray("relatedLocations").get(0).getAsJsonObject();
        assertEquals(3, related.getAsJsonObject("physicalLocation").getAsJsonObject("region").get("startLine").getAsInt());
        assertTrue(result.getAsJsonObject("message").get("text").getAsString().endsWith("([invalidated here](1))"));
        assertEquals("0123456789abcdef0123456789abcdef",
                result.getAsJsonObject("partialFingerprints").get(Fingerprints.VERSION).getAsString());
        assertEquals("file:///repo/", run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("SRCROOT").get("uri").getAsString());
    }
}
