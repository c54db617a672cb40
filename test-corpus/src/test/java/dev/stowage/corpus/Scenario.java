package dev.stowage.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One scenario file of the corpus, parsed: its expectations and its run directives.
 *
 * <p>Expectations follow the Checker Framework: a comment line {@code // :: error: [pointer.stale]}
 * expects that finding on the next line that is not itself an expectation comment (several keys
 * may follow one {@code error:}, and several expectation lines may stack).
 *
 * <p>Run directives (comment lines anywhere before the class):
 * <ul>
 *   <li>{@code // run-with: GrowableStore, ArenaStore} — the scenario has a
 *       {@code public static run(...)} method whose store parameters, in order, get a
 *       {@code CheckedStore} over a new store of each named class; {@code none} when it takes no
 *       store;</li>
 *   <li>{@code // run-args: true 2} — values for the parameters after the stores (boolean, int,
 *       long);</li>
 *   <li>{@code // not-runnable: <reason>} — the scenario cannot be compared at run time, and why.</li>
 * </ul>
 *
 * @param relativePath the path under the corpus root, e.g. {@code flow/BranchGrowThenUse.java}
 * @param className the binary class name, e.g. {@code corpus.flow.BranchGrowThenUse}
 * @param source the file's text
 * @param expectations what the checker must report, in line order
 * @param runWith the stores to run with, empty with {@link #notRunnable()} set
 * @param runArgs the other arguments of {@code run}, as written
 * @param notRunnable why the scenario is not run, or null when it is
 */
record Scenario(String relativePath, String className, String source, List<Expectation> expectations,
        List<String> runWith, List<String> runArgs, String notRunnable) {

    /** One expected finding: a key on a line (from 1). */
    record Expectation(String key, int line) implements Comparable<Expectation> {
        @Override
        public int compareTo(Expectation other) {
            int byLine = Integer.compare(line, other.line);
            return byLine != 0 ? byLine : key.compareTo(other.key);
        }

        @Override
        public String toString() {
            return "line " + line + " [" + key + "]";
        }
    }

    private static final Pattern EXPECTATION_LINE = Pattern.compile("^\\s*//\\s*::\\s*(.*)$");
    private static final Pattern ERROR_KEYS = Pattern.compile("error:\\s*((?:\\[[^\\]]+\\]\\s*)+)");
    private static final Pattern KEY = Pattern.compile("\\[([^\\]]+)\\]");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*//\\s*(run-with|run-args|not-runnable):\\s*(.*)$");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** True when the scenario expects no finding: it pins down false reports. */
    boolean isClean() {
        return expectations.isEmpty();
    }

    /** True when the scenario is run against {@code CheckedStore}. */
    boolean isRunnable() {
        return notRunnable == null;
    }

    /** The scenario's name for reports: its path under the corpus root without {@code .java}. */
    String name() {
        return relativePath.substring(0, relativePath.length() - ".java".length());
    }

    @Override
    public String toString() {
        return relativePath + " " + expectations;
    }

    /** Every scenario under {@code root} (the folder holding the {@code corpus} package), sorted by path. */
    static List<Scenario> loadAll(Path root) {
        Path corpus = root.resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("no corpus package under " + root.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(f -> parse(corpus.relativize(f).toString().replace('\\', '/'), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the corpus under " + corpus, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    /** Parses one scenario's text; {@code relativePath} is its path under the {@code corpus} folder. */
    static Scenario parse(String relativePath, String source) {
        String[] lines = source.split("\r?\n", -1);
        List<Expectation> expectations = new ArrayList<>();
        List<String> pendingKeys = new ArrayList<>();
        List<String> runWith = List.of();
        List<String> runArgs = List.of();
        String notRunnable = null;
        boolean sawRunWith = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            Matcher expectation = EXPECTATION_LINE.matcher(lines[i]);
            if (expectation.matches()) {
                Matcher errors = ERROR_KEYS.matcher(expectation.group(1));
                boolean any = false;
                while (errors.find()) {
                    Matcher key = KEY.matcher(errors.group(1));
                    while (key.find()) {
                        pendingKeys.add(key.group(1).trim());
                        any = true;
                    }
                }
                if (!any) {
                    throw new IllegalArgumentException(relativePath + ":" + lineNumber
                            + ": an expectation comment must read '// :: error: [key]', but is: " + lines[i].trim());
                }
                continue;
            }
            for (String key : pendingKeys) {
                expectations.add(new Expectation(key, lineNumber));
            }
            pendingKeys.clear();
            Matcher directive = DIRECTIVE.matcher(lines[i]);
            if (directive.matches()) {
                String value = directive.group(2).trim();
                switch (directive.group(1)) {
                    case "run-with" -> {
                        sawRunWith = true;
                        runWith = value.equals("none") ? List.of() : List.of(value.split("\\s*,\\s*"));
                    }
                    case "run-args" -> runArgs = List.of(value.split("\\s+"));
                    case "not-runnable" -> notRunnable = value;
                    default -> throw new AssertionError(directive.group(1));
                }
            }
        }
        if (!pendingKeys.isEmpty()) {
            throw new IllegalArgumentException(relativePath + ": expectation " + pendingKeys + " at the end of the file has no line to apply to");
        }
        if (sawRunWith == (notRunnable != null)) {
            throw new IllegalArgumentException(relativePath + ": a scenario needs exactly one of '// run-with: <stores>' and"
                    + " '// not-runnable: <reason>'" + (sawRunWith ? " (it has both)" : " (it has neither)"));
        }
        if (notRunnable != null && notRunnable.isBlank()) {
            throw new IllegalArgumentException(relativePath + ": '// not-runnable:' must say why");
        }
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find()) {
            throw new IllegalArgumentException(relativePath + ": no package declaration");
        }
        String simpleName = relativePath.substring(relativePath.lastIndexOf('/') + 1, relativePath.length() - ".java".length());
        expectations.sort(null);
        return new Scenario(relativePath, pkg.group(1) + "." + simpleName, source, List.copyOf(expectations),
                runWith, runArgs, notRunnable);
    }
}
