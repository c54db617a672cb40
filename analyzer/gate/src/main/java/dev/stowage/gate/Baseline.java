package dev.stowage.gate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team has accepted for now: written with {@code --write-baseline FILE}, read with
 * {@code --baseline FILE}, after which only findings whose fingerprint is not in it are reported.
 *
 * <p>The file is JSON (format in docs/gate.md): only {@code fingerprint} is matched; key, file,
 * member, line and message are there for the humans who review the file in a diff.
 *
 * <pre>{@code
 * Baseline baseline = Baseline.read(Path.of("stowage-baseline.json"));
 * List<GateFinding> marked = baseline.mark(findings);   // NEW or BASELINED each
 * }</pre>
 */
public final class Baseline {

    /** The value of the file's {@code format} member. */
    public static final String FORMAT = "stowage-baseline";
    /** The only version this gate reads and writes. */
    public static final int VERSION = 1;

    /** One accepted finding. */
    public record Entry(String fingerprint, String key, String file, String member, int line, String message) {}

    private final List<Entry> entries;

    public Baseline(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A baseline of every given finding. */
    public static Baseline of(List<GateFinding> findings) {
        List<Entry> entries = new ArrayList<>();
        for (GateFinding f : findings) {
            entries.add(new Entry(f.fingerprint(), f.finding().key(), f.displayPath(), f.member(),
                    f.finding().range().startLine(), f.finding().message()));
        }
        return new Baseline(entries);
    }

    /**
     * Marks each finding {@code NEW} or {@code BASELINED}. Fingerprints are matched as a multiset:
     * two identical entries accept two identical findings, not three.
     */
    public List<GateFinding> mark(List<GateFinding> findings) {
        Map<String, Integer> remaining = remainingCounts();
        List<GateFinding> marked = new ArrayList<>();
        for (GateFinding f : findings) {
            int left = remaining.getOrDefault(f.fingerprint(), 0);
            if (left > 0) {
                remaining.put(f.fingerprint(), left - 1);
                marked.add(f.withBaselineState(GateFinding.BaselineState.BASELINED));
            } else {
                marked.add(f.withBaselineState(GateFinding.BaselineState.NEW));
            }
        }
        return marked;
    }

    /** How many baseline entries no current finding matched: findings fixed since the baseline. */
    public int unmatchedCount(List<GateFinding> findings) {
        Map<String, Integer> remaining = remainingCounts();
        for (GateFinding f : findings) {
            remaining.computeIfPresent(f.fingerprint(), (k, v) -> v > 1 ? v - 1 : null);
        }
        return remaining.values().stream().mapToInt(Integer::intValue).sum();
    }

    private Map<String, Integer> remainingCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Entry e : entries) {
            counts.merge(e.fingerprint(), 1, Integer::sum);
        }
        return counts;
    }

    /** Writes the baseline as pretty JSON (stable order: as the findings were given). */
    public void write(Path file) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        root.addProperty("fingerprint", Fingerprints.VERSION);
        JsonArray array = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("fingerprint", e.fingerprint());
            o.addProperty("key", e.key());
            o.addProperty("file", e.file());
            o.addProperty("member", e.member());
            o.addProperty("line", e.line());
            o.addProperty("message", e.message());
            array.add(o);
        }
        root.add("findings", array);
        try {
            dev.stowage.project.AtomicFiles.writeString(file,
                    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n");
        } catch (dev.stowage.project.ProjectException e) {
            throw new GateException("cannot write the baseline: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a baseline file.
     *
     * @throws GateException when the file is missing, unreadable, not JSON, or not a Stowage
     *     baseline of a version this gate knows — naming the file and what is wrong
     */
    public static Baseline read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GateException("baseline file not found: " + file
                    + " (create one with --write-baseline " + file + ")");
        } catch (IOException e) {
            throw new GateException("cannot read the baseline " + file + ": " + dev.stowage.project.IoReasons.of(e), e);
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new GateException("malformed baseline " + file + ": not valid JSON ("
                    + e.getMessage().replaceFirst("^[\\w.]+Exception: ", "") + ")", e);
        }
        if (!parsed.isJsonObject()) {
            throw malformed(file, "expected a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        JsonObject root = parsed.getAsJsonObject();
        String format = stringMember(root, "format");
        if (!FORMAT.equals(format)) {
            throw malformed(file, "\"format\" is " + (format == null ? "missing" : "'" + format + "'")
                    + ", expected '" + FORMAT + "'");
        }
        JsonElement version = root.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsInt() != VERSION) {
            throw malformed(file, "\"version\" is " + version + ", this gate reads version " + VERSION);
        }
        JsonElement findings = root.get("findings");
        if (findings == null || !findings.isJsonArray()) {
            throw malformed(file, "\"findings\" must be an array");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonElement element : findings.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                throw malformed(file, "findings[" + index + "] is not an object");
            }
            JsonObject o = element.getAsJsonObject();
            String fingerprint = stringMember(o, "fingerprint");
            if (fingerprint == null || fingerprint.isBlank()) {
                throw malformed(file, "findings[" + index + "] has no \"fingerprint\" string");
            }
            JsonElement line = o.get("line");
            entries.add(new Entry(fingerprint, stringMember(o, "key"), stringMember(o, "file"), stringMember(o, "member"),
                    line != null && line.isJsonPrimitive() && line.getAsJsonPrimitive().isNumber() ? line.getAsInt() : 0,
                    stringMember(o, "message")));
            index++;
        }
        return new Baseline(entries);
    }

    private static GateException malformed(Path file, String detail) {
        return new GateException("malformed baseline " + file + ": " + detail);
    }

    private static String stringMember(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    @Override
    public String toString() {
        return "Baseline[" + entries.size() + " entries]";
    }
}
