package dev.stowage.gate;

import dev.stowage.checker.api.Rule;
import dev.stowage.checker.api.Message;
import dev.stowage.checker.api.Template;
import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.api.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in engine for tests of the gate's own logic (formats, baselines, exit codes): it reports
 * a finding wherever a line carries a marker {@code /*BUG key*}{@code /} — at the first non-blank
 * column, with the previous line as its invalidation site — and a compile error wherever a line
 * carries {@code /*SYNTAX*}{@code /}. The real engine is exercised by {@code CorpusGateTest}.
 */
final class MarkerAnalyzer implements Analyzer {

    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile("^\\s+[\\w<>\\[\\]]+\\s+(\\w+)\\(([^)]*)\\)\\s*\\{");

    /**
     * The member the real engine would name (from javac's trees) for these simple test sources: the
     * last class and method header above the line ({@code class Buggy.method f(Store)}).
     */
    static String memberAt(String[] lines, int index) {
        String type = null;
        String method = null;
        for (int k = 0; k <= index; k++) {
            Matcher c = CLASS.matcher(lines[k]);
            if (c.find()) {
                type = "class " + c.group(1);
                method = null;
            }
            Matcher mm = METHOD.matcher(lines[k]);
            if (mm.find()) {
                List<String> types = new ArrayList<>();
                for (String param : mm.group(2).split(",")) {
                    String t = param.strip();
                    if (!t.isEmpty()) {
                        types.add(t.substring(0, t.lastIndexOf(' ')).replace(" ", ""));
                    }
                }
                method = "method " + mm.group(1) + "(" + String.join(",", types) + ")";
            }
        }
        return type == null ? "" : method == null ? type : type + "." + method;
    }

    private static final Pattern BUG = Pattern.compile("/\\*BUG ([\\w.]+)\\*/");

    /** One call: what the gate passed for one analysis unit. */
    record Call(List<SourceInput> sources, List<Path> classpath, List<String> javacOptions) {}

    volatile List<SourceInput> lastSources = List.of();
    volatile List<Path> lastClasspath = List.of();
    final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile List<String> lastJavacOptions = List.of();

    @Override
    public AnalysisResult analyze(List<SourceInput> sources, List<Path> classpath, List<String> javacOptions,
                                  BooleanSupplier cancelled) {
        lastSources = sources;
        lastClasspath = classpath;
        calls.add(new Call(List.copyOf(sources), List.copyOf(classpath), List.copyOf(javacOptions)));
        lastJavacOptions = List.copyOf(javacOptions);
        List<Finding> findings = new ArrayList<>();
        List<CompilerMessage> messages = new ArrayList<>();
        for (SourceInput source : sources) {
            String[] lines = source.content().split("\n", -1);
            int offset = 0;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int column = line.length() - line.stripLeading().length() + 1;
                Matcher m = BUG.matcher(line);
                while (m.find()) {
                    SourceRange range = new SourceRange(source.path(), i + 1, column, i + 1, line.length() + 1,
                            offset + column - 1, offset + line.length());
                    SourceRange previous = new SourceRange(source.path(), Math.max(1, i), 5, Math.max(1, i), 9, 0, 0);
                    SourceRange origin = new SourceRange(source.path(), Math.max(1, i - 1), 5, Math.max(1, i - 1), 9, 0, 0);
                    findings.add(new Finding(Rule.of(m.group(1)).orElseThrow(),
                            Message.of(Template.STALE_POINTER, "p", Message.of(Template.ORIGIN_RESOLVED, "store", origin), "",
                                    Message.of(Template.CAUSE_CALL, "store.grow(...)", previous), "may have moved its memory"),
                            range, memberAt(lines, i), List.of(new RelatedLocation(RelatedLocation.Role.INVALIDATION, previous,
                                    "'store.grow(...)' may have moved the memory")), List.of()));
                }
                if (line.contains("/*SYNTAX*/")) {
                    messages.add(new CompilerMessage(CompilerMessage.Severity.ERROR, "';' expected",
                            new SourceRange(source.path(), i + 1, column, i + 1, column + 1, offset, offset + 1)));
                }
                offset += line.length() + 1;
            }
        }
        return new AnalysisResult(findings, messages, false);
    }
}
