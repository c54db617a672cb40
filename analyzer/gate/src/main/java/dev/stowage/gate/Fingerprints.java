package dev.stowage.gate;

import dev.stowage.checker.api.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Fingerprints that identify a finding across unrelated edits, for baselines and SARIF.
 *
 * <p>A fingerprint is a SHA-256 (first 128 bits, hex) of: the diagnostic key, the file's display
 * path, the enclosing class and method ({@link Finding#member()}, named by the engine from javac's trees), the text of the flagged line with
 * its whitespace collapsed, and the occurrence index among findings that agree on all of these. No
 * line or column number and no message go into it (messages quote line numbers), so inserting or
 * removing lines elsewhere, re-indenting, or moving the method keeps it; editing the flagged line,
 * renaming the method or the file makes it a new finding.
 *
 * <pre>{@code
 * Fingerprints fp = new Fingerprints();
 * String a = fp.next(finding, file);   // call in source order, once per finding
 * }</pre>
 *
 * <p>One instance numbers occurrences, so use a fresh one per run and feed it findings in a stable
 * order (file, then position).
 */
public final class Fingerprints {

    /** The version tag inside every fingerprint; bump it when the recipe changes. */
    public static final String VERSION = "stowage/v1";

    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The fingerprint of the next finding. */
    public String next(Finding finding, SourceFile file, String member) { // member: finding.member() unless a test says otherwise
        String line = normalizedLine(file, finding.range().startLine());
        String identity = String.join("\u0000", VERSION, finding.key(), file.displayPath(), member, line);
        int occurrence = occurrences.merge(identity, 1, Integer::sum) - 1;
        return sha256(identity + "\u0000" + occurrence);
    }

    static String normalizedLine(SourceFile file, int line) {
        return file.lineText(line).replaceAll("\\s+", " ").strip();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
