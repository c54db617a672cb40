package dev.stowage.lsp.core;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.engine.SourceInput;
import dev.stowage.checker.api.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Analyses one version of a document, doing as little as the edit allows:
 * <ol>
 *   <li>javac's parser first (milliseconds): a text with syntax errors gets those errors and no
 *       findings, without running the checker;</li>
 *   <li>when only method bodies changed since the last complete analysis of the document, the
 *       checker runs on a copy of the text in which the <em>unchanged</em> bodies are blanked out
 *       (same length, same line breaks, {@code throw null;} inside), and their findings are taken
 *       from the last analysis, moved to where the methods are now. The checker is modular across
 *       methods (contracts are annotations on signatures, which must be unchanged for this path),
 *       so a body's findings depend only on that body and the declarations around it;</li>
 *   <li>otherwise the whole text is analysed.</li>
 * </ol>
 * The result equals a full analysis of the text; {@code DocumentAnalyzerTest} checks that on the corpus.
 */
public final class DocumentAnalyzer {

    /** What a complete analysis of one text found, kept to reuse for the next version. */
    private record Baseline(String text, JavaSyntax.Outline outline, List<Finding> findings, List<CompilerMessage> messages) {}

    /** Statistics for the benchmark and the log: how the last analysis was done. */
    public enum Mode { SYNTAX_ONLY, FULL, INCREMENTAL, UNCHANGED }

    private final Workspace workspace;
    private final JavaSyntax syntax;
    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();
    private volatile boolean incremental = true;
    private volatile AnalysisLimits limits = AnalysisLimits.forThisJvm();
    private volatile Mode lastMode;
    private volatile long lastParseNanos, lastEngineNanos;

    public DocumentAnalyzer(Workspace workspace, JavaSyntax syntax) {
        this.workspace = workspace;
        this.syntax = syntax;
    }

    /** Turns method-level reuse on or off (off: every analysis is a full one). */
    public void setIncremental(boolean on) {
        this.incremental = on;
        if (!on) baselines.clear();
    }

    /** Sets the largest text analysed (tests; production takes it from the heap). */
    public void setLimits(AnalysisLimits limits) {
        this.limits = limits;
    }

    public Mode lastMode() {
        return lastMode;
    }

    /** How long the last analysis spent in javac's parser (the outline) and in the engine, for the benchmark. */
    public long[] lastPhaseNanos() {
        return new long[] {lastParseNanos, lastEngineNanos};
    }

    /** Forgets a closed document. */
    public void forget(String uri) {
        baselines.remove(uri);
    }

    /** Forgets every document (after the classpath changed). */
    public void forgetAll() {
        baselines.clear();
    }

    /**
     * Analyses a snapshot; returns {@code null} when cancelled (the caller drops it: a newer version
     * is on its way).
     */
    public DocumentAnalysis analyze(DocumentSnapshot snapshot, Settings settings, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        String path = snapshot.analysisPath();
        String text = snapshot.text();
        String tooLarge = limits.refusal(text);
        if (tooLarge != null) {
            baselines.remove(snapshot.uri());
            return DocumentAnalysis.notAnalysed(snapshot, tooLarge, System.nanoTime() - start);
        }
        LineMap lines = new LineMap(text);
        JavaSyntax.Outline outline = syntax.parse(path, text);
        lastParseNanos = System.nanoTime() - start;
        lastEngineNanos = 0;
        if (!outline.parses()) {
            lastMode = Mode.SYNTAX_ONLY;
            List<StowageDiagnostic> diagnostics = DiagnosticConverter.convert(snapshot.uri(), path, lines, List.of(), outline.syntaxErrors(), settings);
            return new DocumentAnalysis(snapshot, List.of(), outline.syntaxErrors(), diagnostics, false, System.nanoTime() - start);
        }
        if (cancelled.getAsBoolean()) return null;
        Baseline previous = incremental ? baselines.get(snapshot.uri()) : null;
        List<Finding> findings;
        List<CompilerMessage> messages;
        if (previous != null && previous.text().equals(text)) {
            // The same text as the last clean analysis (e.g. an edit undone).
            lastMode = Mode.UNCHANGED;
            findings = previous.findings();
            messages = previous.messages();
        } else {
            Plan plan = previous == null ? null : plan(previous, text, outline);
            AnalysisResult result;
            if (plan == null) {
                lastMode = Mode.FULL;
                long engineStart = System.nanoTime();
                result = workspace.analyze(path, List.of(new SourceInput(path, text)), settings, cancelled);
                lastEngineNanos = System.nanoTime() - engineStart;
                if (result.cancelled() || cancelled.getAsBoolean()) return null;
                findings = result.findings();
                messages = result.compilerMessages();
            } else {
                lastMode = Mode.INCREMENTAL;
                long engineStart = System.nanoTime();
                result = workspace.analyze(path, List.of(new SourceInput(path, plan.reducedText())), settings, cancelled);
                lastEngineNanos = System.nanoTime() - engineStart;
                if (result.cancelled() || cancelled.getAsBoolean()) return null;
                findings = new ArrayList<>();
                messages = new ArrayList<>();
                for (Finding f : result.findings()) if (!plan.inBlankedMethod(f.range())) findings.add(f);
                for (CompilerMessage m : result.compilerMessages()) if (!plan.inBlankedMethod(m.range())) messages.add(m);
                // javac stops before the checker once the text has an error, for the whole file: then
                // the reused findings would be more than a full analysis reports, so they are left out.
                if (!hasErrors(messages)) findings.addAll(plan.reusedFindings());
                messages.addAll(plan.reusedMessages());
                findings.sort(DocumentAnalyzer::bySourceOrder);
            }
        }
        // Only an analysis without compile errors is a baseline: with an error, javac reports no
        // findings at all, so its (empty) per-method findings are not the truth to reuse. The last
        // clean baseline stays, and methods changed since are analysed again.
        if (incremental && !hasErrors(messages)) baselines.put(snapshot.uri(), new Baseline(text, outline, findings, messages));
        List<StowageDiagnostic> diagnostics = DiagnosticConverter.convert(snapshot.uri(), path, lines, findings, messages, settings);
        return new DocumentAnalysis(snapshot, findings, messages, diagnostics, true, System.nanoTime() - start);
    }

    private static boolean hasErrors(List<CompilerMessage> messages) {
        for (CompilerMessage m : messages) if (m.severity() == CompilerMessage.Severity.ERROR) return true;
        return false;
    }

    private static int bySourceOrder(Finding a, Finding b) {
        int sa = a.range() == null ? -1 : a.range().startOffset(), sb = b.range() == null ? -1 : b.range().startOffset();
        return Integer.compare(sa, sb);
    }

    /** How to analyse a new text given the last complete analysis: which bodies to blank, which findings to reuse. */
    private record Plan(String reducedText, List<int[]> blankedDeclarations, List<Finding> reusedFindings, List<CompilerMessage> reusedMessages) {
        boolean inBlankedMethod(SourceRange r) {
            if (r == null) return false;
            for (int[] d : blankedDeclarations) if (r.startOffset() >= d[0] && r.startOffset() < d[1]) return true;
            return false;
        }
    }

    /** Body text shorter than this is not blanked (it could not hold {@code throw null;}) but simply re-analysed. */
    private static final String BLANK_BODY = " throw null; ";

    /** Returns a plan, or {@code null} when anything but method bodies changed (then a full analysis is due). */
    private static Plan plan(Baseline previous, String text, JavaSyntax.Outline outline) {
        List<JavaSyntax.MethodBody> oldMethods = previous.outline().methods();
        List<JavaSyntax.MethodBody> newMethods = outline.methods();
        if (oldMethods.size() != newMethods.size()) return null;
        String oldText = previous.text();
        // The skeletons (the text with every body's inside removed) must be equal.
        int oldPos = 0, newPos = 0;
        for (int i = 0; i < newMethods.size(); i++) {
            JavaSyntax.MethodBody o = oldMethods.get(i), n = newMethods.get(i);
            if (!o.key().equals(n.key())) return null;
            if (!oldText.regionMatches(oldPos, text, newPos, o.bodyStart() + 1 - oldPos)
                    || (n.bodyStart() + 1 - newPos) != (o.bodyStart() + 1 - oldPos)) return null;
            oldPos = o.bodyEnd() - 1;
            newPos = n.bodyEnd() - 1;
        }
        if (oldText.length() - oldPos != text.length() - newPos || !oldText.regionMatches(oldPos, text, newPos, text.length() - newPos)) return null;

        // Which methods kept their body, and how far each moved.
        int count = newMethods.size();
        boolean[] reuse = new boolean[count];
        for (int i = 0; i < count; i++) {
            JavaSyntax.MethodBody o = oldMethods.get(i), n = newMethods.get(i);
            int oldLen = o.bodyEnd() - o.bodyStart(), newLen = n.bodyEnd() - n.bodyStart();
            reuse[i] = oldLen == newLen && oldText.regionMatches(o.bodyStart(), text, n.bodyStart(), oldLen)
                    && blankSlot(text, n) >= 0;
        }
        // A reused method must only point into itself or into the skeleton; anything else is re-analysed.
        List<Finding> reusedFindings = new ArrayList<>();
        List<CompilerMessage> reusedMessages = new ArrayList<>();
        OffsetMapper mapper = new OffsetMapper(oldMethods, newMethods, reuse, new LineMap(oldText), new LineMap(text));
        // Reusing fewer methods can only make more places unmappable: repeat until nothing changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            reusedFindings.clear();
            for (Finding f : previous.findings()) {
                int owner = ownerOf(oldMethods, f.range());
                if (owner < 0 || !reuse[owner]) continue;
                Finding moved = move(f, mapper, owner);
                if (moved == null) {
                    reuse[owner] = false;
                    changed = true;
                } else {
                    reusedFindings.add(moved);
                }
            }
        }
        boolean any = false;
        for (boolean r : reuse) any |= r;
        if (!any) return null;
        for (CompilerMessage m : previous.messages()) {
            int owner = ownerOf(oldMethods, m.range());
            if (owner >= 0 && reuse[owner]) {
                SourceRange r = mapper.map(m.range());
                if (r != null) reusedMessages.add(new CompilerMessage(m.severity(), m.message(), r));
            }
        }
        char[] reduced = text.toCharArray();
        List<int[]> blanked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!reuse[i]) continue;
            JavaSyntax.MethodBody n = newMethods.get(i);
            for (int k = n.bodyStart() + 1; k < n.bodyEnd() - 1; k++) {
                if (reduced[k] != '\n' && reduced[k] != '\r') reduced[k] = ' ';
            }
            BLANK_BODY.getChars(0, BLANK_BODY.length(), reduced, blankSlot(text, n));
            blanked.add(new int[] {n.declarationStart(), n.declarationEnd()});
        }
        return new Plan(new String(reduced), blanked, reusedFindings, reusedMessages);
    }

    /**
     * Where {@code throw null;} fits inside a body without covering a line break (so that every
     * position keeps its line), or -1 when it does not fit: such a short body is simply re-analysed.
     */
    private static int blankSlot(String text, JavaSyntax.MethodBody body) {
        int run = 0;
        for (int k = body.bodyStart() + 1; k < body.bodyEnd() - 1; k++) {
            char c = text.charAt(k);
            run = (c == '\n' || c == '\r') ? 0 : run + 1;
            if (run == BLANK_BODY.length()) return k - run + 1;
        }
        return -1;
    }

    private static int ownerOf(List<JavaSyntax.MethodBody> methods, SourceRange r) {
        if (r == null) return -1;
        for (int i = 0; i < methods.size(); i++) {
            JavaSyntax.MethodBody m = methods.get(i);
            if (r.startOffset() >= m.declarationStart() && r.startOffset() < m.declarationEnd()) return i;
        }
        return -1;
    }

    /**
     * The finding moved to the method's new place, or {@code null} when that cannot be done exactly.
     * Every place it holds moves: its range, its related places, the edits of its fixes, and the
     * places its message names by line ("resolved at line 12"), which are data of its wording
     * ({@link dev.stowage.checker.api.Message}) and are rendered again; a place inside a changed
     * body cannot be mapped, and the method is re-analysed instead.
     */
    private static Finding move(Finding f, OffsetMapper mapper, int owner) {
        SourceRange range = mapper.map(f.range());
        if (range == null) return null;
        java.util.function.UnaryOperator<SourceRange> sameFile = r -> r.file().equals(f.range().file()) ? mapper.map(r) : r;
        List<RelatedLocation> related = new ArrayList<>();
        for (RelatedLocation r : f.related()) {
            if (r.range() == null) { related.add(r); continue; }
            SourceRange moved = sameFile.apply(r.range());
            if (moved == null) return null;
            related.add(new RelatedLocation(r.role(), moved, r.message()));
        }
        dev.stowage.checker.api.Message wording = f.wording().mapPlaces(sameFile);
        if (wording == null) return null;
        List<dev.stowage.checker.api.Fix> fixes = new ArrayList<>();
        for (dev.stowage.checker.api.Fix fix : f.fixes()) {
            List<dev.stowage.checker.api.TextEdit> edits = new ArrayList<>();
            for (dev.stowage.checker.api.TextEdit e : fix.edits()) {
                SourceRange moved = sameFile.apply(e.range());
                if (moved == null) return null;
                edits.add(new dev.stowage.checker.api.TextEdit(moved, e.newText()));
            }
            fixes.add(new dev.stowage.checker.api.Fix(fix.kind(), fix.title(), fix.preferred(), edits));
        }
        return new Finding(f.rule(), wording, range, f.member(), related, fixes);
    }

    /**
     * Maps offsets of the old text to the new one, for places whose text did not change: the skeleton
     * and the reused bodies. Line and column are recomputed by the converter from the offsets, but
     * are shifted here too so the finding stays self-consistent.
     */
    private static final class OffsetMapper {
        private final List<JavaSyntax.MethodBody> oldMethods, newMethods;
        private final boolean[] reuse;
        private final LineMap oldLines, newLines;

        OffsetMapper(List<JavaSyntax.MethodBody> oldMethods, List<JavaSyntax.MethodBody> newMethods, boolean[] reuse, LineMap oldLines, LineMap newLines) {
            this.oldMethods = oldMethods;
            this.newMethods = newMethods;
            this.reuse = reuse;
            this.oldLines = oldLines;
            this.newLines = newLines;
        }

        /** The new offset, or -1 when the place is inside a body that changed. */
        int map(int offset) {
            int shift = 0;
            for (int i = 0; i < oldMethods.size(); i++) {
                JavaSyntax.MethodBody o = oldMethods.get(i), n = newMethods.get(i);
                if (offset <= o.bodyStart()) return offset + shift;
                if (offset < o.bodyEnd() - 1) {
                    return reuse[i] ? offset + (n.bodyStart() - o.bodyStart()) : -1;
                }
                shift = n.bodyEnd() - o.bodyEnd();
            }
            return offset + shift;
        }

        SourceRange map(SourceRange r) {
            if (r == null) return null;
            int s = map(r.startOffset()), e = map(r.endOffset());
            if (s < 0 || e < 0 || e > newLines.text().length()) return null;
            return new SourceRange(r.file(), newLines.lineOf(s) + 1, newLines.characterOf(s) + 1,
                    newLines.lineOf(e) + 1, newLines.characterOf(e) + 1, s, e);
        }
    }
}
