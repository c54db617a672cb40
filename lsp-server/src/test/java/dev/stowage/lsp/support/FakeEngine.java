package dev.stowage.lsp.support;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.Rule;
import dev.stowage.checker.api.Fix;
import dev.stowage.checker.api.Message;
import dev.stowage.checker.api.Template;
import dev.stowage.checker.api.TextEdit;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.api.SourceRange;
import dev.stowage.lsp.core.Engine;
import dev.stowage.lsp.core.LineMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine for tests of the server's plumbing: its findings follow from the text by a fixed rule,
 * so a test knows what the diagnostics of any text must be. Every {@code STALE_x} is a
 * {@code pointer.stale} of {@code x}, related to the last {@code grow(} before it; every
 * {@code BROKEN;} is a javac error. It can be slowed down, and it honours cancellation.
 */
public final class FakeEngine implements Engine {

    private static final Pattern STALE = Pattern.compile("STALE_(\\w+)");

    public final AtomicInteger analyses = new AtomicInteger();
    public final AtomicInteger cancelledRuns = new AtomicInteger();
    public volatile long millisPerAnalysis;
    /** When set, every analysis throws it (fault injection: an internal error, an OutOfMemoryError). */
    public volatile Throwable failWith;
    public final List<String> analysedTexts = java.util.Collections.synchronizedList(new ArrayList<>());

    public static Engine.Factory factory(FakeEngine engine) {
        return (classpath, options) -> engine;
    }

    @Override
    public AnalysisResult analyze(List<SourceInput> sources, BooleanSupplier cancelled) {
        analyses.incrementAndGet();
        Throwable failure = failWith;
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        long end = System.nanoTime() + millisPerAnalysis * 1_000_000;
        while (System.nanoTime() < end) {
            if (cancelled.getAsBoolean()) {
                cancelledRuns.incrementAndGet();
                return new AnalysisResult(List.of(), List.of(), true);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<CompilerMessage> messages = new ArrayList<>();
        for (SourceInput source : sources) {
            analysedTexts.add(source.content());
            findings.addAll(expectedFindings(source.path(), source.content()));
            String text = source.content();
            LineMap lines = new LineMap(text);
            for (int i = text.indexOf("BROKEN;"); i >= 0; i = text.indexOf("BROKEN;", i + 1)) {
                messages.add(new CompilerMessage(CompilerMessage.Severity.ERROR, "cannot find symbol BROKEN", range(source.path(), lines, i, i + 6)));
            }
        }
        return new AnalysisResult(findings, messages, false);
    }

    /** The findings this engine reports for a text: what tests compare the server's diagnostics with. */
    public static List<Finding> expectedFindings(String path, String text) {
        List<Finding> findings = new ArrayList<>();
        LineMap lines = new LineMap(text);
        Matcher m = STALE.matcher(text);
        while (m.find()) {
            int grow = text.lastIndexOf("grow(", m.start());
            List<RelatedLocation> related = new ArrayList<>();
            Message cause = Message.of(Template.CAUSE_UNKNOWN);
            if (grow >= 0) {
                related.add(new RelatedLocation(RelatedLocation.Role.INVALIDATION, range(path, lines, grow, grow + 4), "'grow(...)' may have moved the memory"));
                cause = Message.of(Template.CAUSE_CALL, "grow(...)", range(path, lines, grow, grow + 4));
            }
            Message message = Message.of(Template.STALE_POINTER, m.group(1), "", "", cause, "may have moved its memory");
            // Like the engine's: @SuppressWarnings on its own line above the method around the use.
            List<Fix> fixes = new ArrayList<>();
            int method = text.lastIndexOf("void ", m.start());
            if (method >= 0) {
                int lineStart = lines.offsetOf(lines.lineOf(method), 0);
                String indent = text.substring(lineStart, method).replaceAll("\\S.*", "");
                int at = lineStart + indent.length();
                fixes.add(new Fix(Fix.Kind.SUPPRESS, "Suppress [pointer.stale] with @SuppressWarnings(\"stowage:pointer.stale\")", false,
                        List.of(new TextEdit(range(path, lines, at, at), "@SuppressWarnings(\"stowage:pointer.stale\")\n" + indent))));
            }
            findings.add(new Finding(Rule.POINTER_STALE, message, range(path, lines, m.start(), m.end()), "", related, fixes));
        }
        return findings;
    }

    public static SourceRange range(String path, LineMap lines, int start, int end) {
        return new SourceRange(path, lines.lineOf(start) + 1, lines.characterOf(start) + 1, lines.lineOf(end) + 1, lines.characterOf(end) + 1, start, end);
    }
}
