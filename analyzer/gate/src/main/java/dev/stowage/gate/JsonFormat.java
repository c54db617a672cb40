package dev.stowage.gate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.Fix;
import dev.stowage.checker.api.TextEdit;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.api.SourceRange;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's own JSON: the reported findings with everything the engine said about them, plus the
 * summary (format in docs/gate.md). Meant for scripts; SARIF is the format for code-scanning tools.
 *
 * <pre>{@code
 * {"tool": {"name": "stowage", "version": "0.1.0"}, "summary": {...},
 *  "findings": [{"key": "pointer.stale", "level": "error", "file": "src/Demo.java", "startLine": 14, ...}]}
 * }</pre>
 */
public final class JsonFormat {

    private final String toolVersion;

    public JsonFormat(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public String render(GateReport report, Map<String, SourceFile> sourcesByEnginePath) {
        JsonObject root = new JsonObject();
        JsonObject tool = new JsonObject();
        tool.addProperty("name", "stowage");
        tool.addProperty("version", toolVersion);
        root.add("tool", tool);

        JsonObject summary = new JsonObject();
        summary.addProperty("filesChecked", report.filesChecked());
        summary.addProperty("findings", report.findings().size());
        summary.addProperty("reported", report.reported().size());
        summary.addProperty("baselineUsed", report.baselineUsed());
        summary.addProperty("baselined", report.findings().size() - report.reported().size());
        summary.addProperty("fixedSinceBaseline", report.fixedSinceBaseline());
        summary.addProperty("errors", report.reportedAt(Level.ERROR));
        summary.addProperty("warnings", report.reportedAt(Level.WARNING));
        summary.addProperty("notes", report.reportedAt(Level.NOTE));
        root.add("summary", summary);

        JsonArray findings = new JsonArray();
        for (GateFinding f : report.reported()) {
            Finding finding = f.finding();
            JsonObject o = new JsonObject();
            o.addProperty("key", finding.key());
            o.addProperty("ruleId", finding.qualifiedKey());
            o.addProperty("level", f.level().id());
            o.addProperty("message", finding.message());
            o.addProperty("file", f.displayPath());
            addRange(o, finding.range());
            o.addProperty("member", f.member());
            o.addProperty("fingerprint", f.fingerprint());
            o.addProperty("baselineState", f.baselineState().name().toLowerCase(Locale.ROOT));
            JsonArray related = new JsonArray();
            for (RelatedLocation r : finding.related()) {
                JsonObject ro = new JsonObject();
                ro.addProperty("role", r.role().name().toLowerCase(Locale.ROOT));
                SourceFile file = sourcesByEnginePath.get(r.range().file());
                ro.addProperty("file", file != null ? file.displayPath() : r.range().file());
                addRange(ro, r.range());
                ro.addProperty("message", r.message());
                related.add(ro);
            }
            o.add("related", related);
            JsonArray fixes = new JsonArray();
            for (Fix fix : finding.fixes()) {
                JsonObject fo = new JsonObject();
                fo.addProperty("kind", fix.kind().name());
                fo.addProperty("title", fix.title());
                fo.addProperty("preferred", fix.preferred());
                JsonArray edits = new JsonArray();
                for (TextEdit edit : fix.edits()) {
                    JsonObject eo = new JsonObject();
                    addRange(eo, edit.range());
                    eo.addProperty("newText", edit.newText());
                    edits.add(eo);
                }
                fo.add("edits", edits);
                fixes.add(fo);
            }
            o.add("fixes", fixes);
            findings.add(o);
        }
        root.add("findings", findings);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static void addRange(JsonObject o, SourceRange range) {
        o.addProperty("startLine", range.startLine());
        o.addProperty("startColumn", range.startColumn());
        o.addProperty("endLine", range.endLine());
        o.addProperty("endColumn", range.endColumn());
    }
}
