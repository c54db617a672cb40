package dev.stowage.gate;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.engine.Finding;
import dev.stowage.checker.engine.RelatedLocation;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.engine.SourceRange;
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

    private static final Pattern BUG = Pattern.compile("/\\*BUG ([\\w.]+)\\*/");

    List<SourceInput> lastSources = List.of();
    List<Path> lastClasspath = List.of();
    List<String> lastJavacOptions = List.of();

    @Override
    public AnalysisResult analyze(List<SourceInput> sources, List<Path> classpath, List<String> javacOptions,
                                  BooleanSupplier cancelled) {
        lastSources = sources;
        lastClasspath = classpath;
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
                    findings.add(new Finding(m.group(1),
                            "pointer 'p' (resolved from 'store' at line " + Math.max(1, i - 1) + ") used after 'store.grow(...)' at line "
                                    + Math.max(1, i) + " may have moved its memory",
                            range, List.of(new RelatedLocation(RelatedLocation.Role.INVALIDATION, previous,
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
