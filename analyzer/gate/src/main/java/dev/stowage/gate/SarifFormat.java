package dev.stowage.gate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stowage.checker.api.Rule;
import dev.stowage.checker.api.Finding;
import dev.stowage.project.RuleDocs;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.api.SourceRange;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).
 *
 * <ul>
 *   <li>one rule per diagnostic key, id {@code stowage:<key>} (the spec's SARIF rule id), with the
 *       rule's docs ({@code docs/rules/<key>.md}, bundled in the jar) as {@code help} and, when a
 *       documentation base URI is configured, {@code helpUri};
 *   <li>paths relative to {@code %SRCROOT%} (the base directory), so results map onto the repository;
 *   <li>the invalidation site and the origin as {@code relatedLocations}, linked from the message;
 *   <li>{@code partialFingerprints["stowage/v1"]}: the baseline fingerprint, so the service tracks a
 *       result across commits as the gate's baseline does.
 * </ul>
 */
public final class SarifFormat {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "SRCROOT";

    private final String toolVersion;
    private final Path baseDirectory;
    private final String rulesUriBase;
    private final SeverityConfig severities;

    /**
     * @param rulesUriBase where {@code <key>.md} rule docs are browsable, e.g.
     *     {@code https://github.com/acme/stowage/blob/main/docs/rules/}; null or empty for no helpUri
     */
    public SarifFormat(String toolVersion, Path baseDirectory, String rulesUriBase, SeverityConfig severities) {
        this.toolVersion = toolVersion;
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        this.rulesUriBase = rulesUriBase == null ? "" : rulesUriBase;
        this.severities = severities;
    }

    public String render(GateReport report, Map<String, SourceFile> sourcesByEnginePath) {
        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA_URI);
        log.addProperty("version", "2.1.0");
        JsonObject run = new JsonObject();

        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        // Every rule the checker has (Rule, the one list of keys), whether or not this run found it.
        JsonArray rulesJson = new JsonArray();
        for (Rule rule : Rule.values()) {
            if (ruleIndex.putIfAbsent(rule.key(), ruleIndex.size()) == null) {
                rulesJson.add(rule(rule));
            }
        }
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "Stowage");
        driver.addProperty("fullName", "Stowage checker (stale handles and pointers of java.lang.foreign stores)");
        driver.addProperty("version", toolVersion);
        driver.add("rules", rulesJson);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        run.add("tool", tool);

        JsonObject srcRoot = new JsonObject();
        String rootUri = baseDirectory.toUri().toString();
        srcRoot.addProperty("uri", rootUri.endsWith("/") ? rootUri : rootUri + "/");
        JsonObject baseIds = new JsonObject();
        baseIds.add(SRCROOT, srcRoot);
        run.add("originalUriBaseIds", baseIds);

        JsonArray results = new JsonArray();
        for (GateFinding f : report.reported()) {
            results.add(result(f, ruleIndex, report.baselineUsed(), sourcesByEnginePath));
        }
        run.add("results", results);
        run.addProperty("columnKind", "utf16CodeUnits");
        JsonObject invocation = new JsonObject();
        invocation.addProperty("executionSuccessful", true);
        JsonArray invocations = new JsonArray();
        invocations.add(invocation);
        run.add("invocations", invocations);

        JsonArray runs = new JsonArray();
        runs.add(run);
        log.add("runs", runs);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n";
    }

    private JsonObject rule(Rule rule) {
        JsonObject o = new JsonObject();
        o.addProperty("id", rule.qualifiedKey());
        o.addProperty("name", pascalCase(rule.key()));
        o.add("shortDescription", text(rule.summary()));
        JsonObject help = new JsonObject();
        String markdown = RuleDocs.markdown(rule.docPage().substring(0, rule.docPage().length() - ".md".length())).orElse(null);
        help.addProperty("text", markdown != null ? markdown : rule.summary());
        if (markdown != null) {
            help.addProperty("markdown", markdown);
        }
        o.add("help", help);
        if (!rulesUriBase.isEmpty()) {
            o.addProperty("helpUri", URI.create(rulesUriBase).resolve(rule.docPage()).toString());
        }
        JsonObject configuration = new JsonObject();
        Level level = severities.levelOf(rule.key());
        configuration.addProperty("enabled", level != Level.OFF);
        configuration.addProperty("level", sarifLevel(level));
        o.add("defaultConfiguration", configuration);
        JsonObject properties = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add("correctness");
        tags.add("memory-safety");
        properties.add("tags", tags);
        o.add("properties", properties);
        return o;
    }

    private JsonObject result(GateFinding f, Map<String, Integer> ruleIndex, boolean baselineUsed,
                              Map<String, SourceFile> sourcesByEnginePath) {
        Finding finding = f.finding();
        JsonObject o = new JsonObject();
        o.addProperty("ruleId", finding.qualifiedKey());
        o.addProperty("ruleIndex", ruleIndex.get(Rule.normalizeKey(finding.key())));
        o.addProperty("level", sarifLevel(f.level()));
        StringBuilder message = new StringBuilder(escapeMessage(finding.message()));
        JsonArray related = new JsonArray();
        int id = 1;
        for (RelatedLocation r : finding.related()) {
            SourceFile file = sourcesByEnginePath.get(r.range().file());
            JsonObject location = location(file != null ? file.displayPath() : r.range().file(), r.range());
            location.addProperty("id", id);
            location.add("message", text(TextFormat.noteText(r)));
            related.add(location);
            message.append(id == 1 ? " (" : ", ").append('[').append(escapeMessage(TextFormat.label(r))).append("](")
                    .append(id).append(')');
            id++;
        }
        if (id > 1) {
            message.append(')');
        }
        o.add("message", text(message.toString()));
        JsonArray locations = new JsonArray();
        locations.add(location(f.displayPath(), finding.range()));
        o.add("locations", locations);
        if (!related.isEmpty()) {
            o.add("relatedLocations", related);
        }
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty(Fingerprints.VERSION, f.fingerprint());
        o.add("partialFingerprints", fingerprints);
        if (baselineUsed) {
            o.addProperty("baselineState", "new");
        }
        return o;
    }

    private static JsonObject location(String displayPath, SourceRange range) {
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uriOf(displayPath));
        if (!Path.of(displayPath).isAbsolute()) {
            artifact.addProperty("uriBaseId", SRCROOT);
        }
        JsonObject region = new JsonObject();
        int startLine = Math.max(1, range.startLine());
        int startColumn = Math.max(1, range.startColumn());
        region.addProperty("startLine", startLine);
        region.addProperty("startColumn", startColumn);
        int endLine = Math.max(startLine, range.endLine());
        region.addProperty("endLine", endLine);
        int endColumn = endLine == startLine ? Math.max(startColumn, range.endColumn()) : Math.max(1, range.endColumn());
        region.addProperty("endColumn", endColumn);
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        physical.add("region", region);
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        return location;
    }

    /** A relative path as a relative URI reference (percent-encoded), an absolute one as file: URI. */
    private static String uriOf(String displayPath) {
        Path path = Path.of(displayPath);
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        try {
            return new URI(null, null, displayPath.replace('\\', '/'), null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot make a URI of " + displayPath, e);
        }
    }

    /** SARIF messages treat [text](id) as links; brackets in our text are escaped to stay literal. */
    private static String escapeMessage(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }

    static String sarifLevel(Level level) {
        return level == Level.OFF ? "none" : level.id();
    }

    private static JsonObject text(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("text", text);
        return o;
    }

    private static String pascalCase(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("[.\\-_]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
