package dev.stowage.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expected findings written in a source the way the test corpus and the Checker Framework write
 * them: {@code // :: error: [pointer.stale]} on the line before the flagged line (several such
 * comment lines in a row all apply to the next code line).
 *
 * <pre>{@code
 * Expectations.of(file);   // [Expected[file=Demo.java, line=14, key=pointer.stale]]
 * }</pre>
 */
public final class Expectations {

    /** One expected finding: file (display path), line, key. */
    public record Expected(String file, int line, String key) {
        @Override
        public String toString() {
            return file + ":" + line + ": [" + key + "]";
        }
    }

    private static final Pattern EXPECTATION = Pattern.compile("//\\s*::\\s*(?:error|warning):\\s*\\[([\\w.]+)\\]");
    private static final Pattern ONLY_EXPECTATION = Pattern.compile("^\\s*//\\s*::.*$");

    private Expectations() {}

    public static List<Expected> of(SourceFile file) {
        List<Expected> expected = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        String[] lines = file.content().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (ONLY_EXPECTATION.matcher(line).matches()) {
                Matcher m = EXPECTATION.matcher(line);
                while (m.find()) {
                    pending.add(m.group(1));
                }
                continue;
            }
            for (String key : pending) {
                expected.add(new Expected(file.displayPath(), i + 1, key));
            }
            pending.clear();
        }
        return expected;
    }
}
