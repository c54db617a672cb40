package dev.stowage.lsp.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the client's {@code stowage} settings (from {@code initializationOptions} or
 * {@code workspace/didChangeConfiguration}) onto the current settings. A bad value is reported with
 * the value and what was expected, and the previous value is kept; nothing else is lost.
 *
 * <pre>{@code
 * // { "stowage": { "severities": { "pointer.escape": "warning" }, "classpath": ["lib/a.jar"] } }
 * Settings s = SettingsParser.apply(Settings.defaults(), json, problems::add);
 * }</pre>
 *
 * <p>Recognised keys: {@code severities} (object: key → error/warning/info/hint/off),
 * {@code classpath} (array of paths, or one string with the platform's path separator; empty or
 * null for Maven), {@code stubs} (array of stub files or folders, like {@code classpath}),
 * {@code rulesBaseUrl}, {@code debounceMs}, {@code showJavacErrors}.
 */
public final class SettingsParser {

    private SettingsParser() {}

    /**
     * @param json either {@code {"stowage": {...}}} or the section itself; {@code null} changes nothing
     * @param problems receives one message per bad value
     */
    public static Settings apply(Settings current, JsonElement json, Consumer<String> problems) {
        if (json == null || !json.isJsonObject()) return current;
        JsonObject root = json.getAsJsonObject();
        JsonObject section = root.has("stowage") && root.get("stowage").isJsonObject() ? root.getAsJsonObject("stowage") : root;
        Settings s = current;
        if (section.has("severities")) {
            JsonElement sev = section.get("severities");
            if (sev.isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : sev.getAsJsonObject().entrySet()) {
                    try {
                        String value = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : String.valueOf(e.getValue());
                        Severity severity = Severity.parse(value);
                        String key = dev.stowage.checker.api.Rule.normalizeKey(e.getKey());
                        if (dev.stowage.checker.api.Rule.of(key).isEmpty()) {
                            problems.accept("stowage.severities." + e.getKey() + ": unknown key ignored; the keys are "
                                    + String.join(", ", dev.stowage.checker.api.Rule.keys()));
                            continue;
                        }
                        s = s.withSeverity(key, severity);
                    } catch (IllegalArgumentException bad) {
                        problems.accept("stowage.severities." + e.getKey() + ": " + bad.getMessage());
                    }
                }
            } else if (!sev.isJsonNull()) {
                problems.accept("stowage.severities must be an object like {\"pointer.escape\": \"warning\"}, got " + sev);
            }
        }
        if (section.has("classpath")) {
            JsonElement cp = section.get("classpath");
            if (cp.isJsonNull()) {
                s = s.withClasspath(null);
            } else if (cp.isJsonArray()) {
                List<String> entries = new ArrayList<>();
                JsonArray array = cp.getAsJsonArray();
                for (JsonElement e : array) {
                    if (e.isJsonPrimitive()) entries.add(e.getAsString());
                    else problems.accept("stowage.classpath entries must be strings, got " + e);
                }
                s = s.withClasspath(entries.isEmpty() ? null : entries);
            } else if (cp.isJsonPrimitive()) {
                String text = cp.getAsString().trim();
                s = s.withClasspath(text.isEmpty() ? null : List.of(text.split(File.pathSeparator)));
            } else {
                problems.accept("stowage.classpath must be an array of paths or a string, got " + cp);
            }
        }
        if (section.has("stubs")) {
            JsonElement st = section.get("stubs");
            if (st.isJsonNull()) {
                s = s.withStubs(List.of());
            } else if (st.isJsonArray()) {
                List<String> entries = new ArrayList<>();
                for (JsonElement e : st.getAsJsonArray()) {
                    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !e.getAsString().isBlank()) entries.add(e.getAsString().trim());
                    else problems.accept("stowage.stubs entries must be paths of .astub files or folders, got " + e);
                }
                s = s.withStubs(entries);
            } else if (st.isJsonPrimitive()) {
                String text = st.getAsString().trim();
                s = s.withStubs(text.isEmpty() ? List.of() : List.of(text.split(File.pathSeparator)));
            } else {
                problems.accept("stowage.stubs must be an array of paths or a string, got " + st);
            }
        }
        if (section.has("rulesBaseUrl")) {
            JsonElement url = section.get("rulesBaseUrl");
            if (url.isJsonNull()) s = s.withRulesBaseUrl(null);
            else if (url.isJsonPrimitive()) s = s.withRulesBaseUrl(url.getAsString().isBlank() ? null : url.getAsString().trim());
            else problems.accept("stowage.rulesBaseUrl must be a string, got " + url);
        }
        if (section.has("debounceMs")) {
            JsonElement d = section.get("debounceMs");
            try {
                long ms = d.getAsLong();
                if (ms < 0 || ms > 10_000) throw new IllegalArgumentException();
                s = s.withDebounceMillis(ms);
            } catch (RuntimeException bad) {
                problems.accept("stowage.debounceMs must be a number of milliseconds from 0 to 10000, got " + d);
            }
        }
        if (section.has("showJavacErrors")) {
            JsonElement b = section.get("showJavacErrors");
            if (b.isJsonPrimitive() && b.getAsJsonPrimitive().isBoolean()) s = s.withShowJavacErrors(b.getAsBoolean());
            else problems.accept("stowage.showJavacErrors must be true or false, got " + b);
        }
        return s;
    }
}
