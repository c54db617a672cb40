package dev.stowage.checker;

import static dev.stowage.checker.CheckerHarness.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.engine.Finding;
import dev.stowage.checker.engine.FixHint;
import dev.stowage.checker.engine.RelatedLocation;
import dev.stowage.checker.engine.SourceInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {

    static final String STALE_POINTER = """
            package app;
            import lib.*;
            import java.lang.foreign.MemorySegment;
            import java.lang.foreign.ValueLayout;
            class Test {
                void run() {
                    MiniStore store = new Growable();
                    long h = store.allocate(16, 8);
                    MemorySegment p = store.resolve(h, 16);
                    h = store.grow(h, 16, 32, 8);
                    p.set(ValueLayout.JAVA_LONG, 0, 42);
                }
            }
            """;

    @Test
    void findingsComeAsDataWithRelatedLocationsAndFixes() {
        AnalysisResult result = analyze(STALE_POINTER);
        Finding f = result.findings().getFirst();
        assertEquals("pointer.stale", f.key());
        assertEquals("pointer 'p' (resolved from 'store' at line 9) used after 'store.grow(...)' at line 10 may have moved its memory",
                f.message());
        assertEquals(11, f.range().startLine());
        assertEquals(9, f.range().startColumn());
        assertEquals("app/Test.java", f.range().file());
        RelatedLocation invalidation = f.related().stream().filter(r -> r.role() == RelatedLocation.Role.INVALIDATION).findFirst().orElseThrow();
        assertEquals(10, invalidation.range().startLine());
        RelatedLocation origin = f.related().stream().filter(r -> r.role() == RelatedLocation.Role.ORIGIN).findFirst().orElseThrow();
        assertEquals(9, origin.range().startLine());
        FixHint reresolve = f.fixes().getFirst();
        assertEquals(FixHint.Kind.RERESOLVE, reresolve.kind());
        assertEquals("store.resolve(h, 16)", reresolve.data().get("resolveExpression"));
        assertTrue(f.fixes().stream().anyMatch(x -> x.kind() == FixHint.Kind.SUPPRESS
                && x.data().get("suppressKey").equals("stowage:pointer.stale")));
        assertEquals(1, result.findings().size());
    }

    @Test
    void javacErrorsAreCompilerMessagesNotFindings() {
        AnalysisResult result = CheckerHarness.ANALYZER.analyze(
                List.of(new SourceInput("Broken.java", "class Broken { int x = \"s\"; }")), () -> false);
        assertTrue(result.hasCompileErrors());
        CompilerMessage m = result.compilerMessages().stream().filter(c -> c.severity() == CompilerMessage.Severity.ERROR).findFirst().orElseThrow();
        assertEquals("Broken.java", m.range().file());
        assertEquals(1, m.range().startLine());
        assertTrue(result.findings().isEmpty());
    }

    @Test
    void cancellationStopsTheAnalysis() {
        AnalysisResult result = CheckerHarness.ANALYZER.analyze(List.of(new SourceInput("app/Test.java", STALE_POINTER)), () -> true);
        assertTrue(result.cancelled());
    }

    @Test
    void storeFreeCodeYieldsNothing() {
        AnalysisResult result = CheckerHarness.ANALYZER.analyze(List.of(new SourceInput("Plain.java", """
                import java.util.*;
                class Plain {
                    List<String> names = new ArrayList<>();
                    int count() { return names.size(); }
                }
                """)), () -> false);
        assertTrue(result.findings().isEmpty());
        assertFalse(result.hasCompileErrors(), () -> result.compilerMessages().toString());
    }
}
