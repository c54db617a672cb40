package dev.stowage.checker;

import static dev.stowage.checker.CheckerHarness.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.Fix;
import dev.stowage.checker.api.RelatedLocation;
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
        assertEquals("class Test.method run()", f.member());
        Fix reresolve = f.fixes().getFirst();
        assertEquals(Fix.Kind.RERESOLVE, reresolve.kind());
        // MiniStore says where the sizes are (@Resolves(size = "#2"), @Invalidates(size = "#3")): the new size is used.
        assertEquals("Resolve 'p' again after the call that invalidated it: p = store.resolve(h, 32)", reresolve.title());
        assertTrue(reresolve.applyTo(STALE_POINTER).contains("        h = store.grow(h, 16, 32, 8);\n        p = store.resolve(h, 32);\n"),
                reresolve.applyTo(STALE_POINTER));
        assertTrue(f.fixes().stream().anyMatch(x -> x.kind() == Fix.Kind.SUPPRESS
                && x.applyTo(STALE_POINTER).contains("    @SuppressWarnings(\"stowage:pointer.stale\")\n    void run() {")));
        assertEquals(1, result.findings().size());
    }

    @Test
    void staleHandleSuggestsTheHandleTheGrowReturned() {
        AnalysisResult result = analyze("""
                package app;
                import lib.*;
                class Test {
                    void run() {
                        MiniStore store = new Arena();
                        long h = store.allocate(16, 8);
                        long bigger = store.grow(h, 16, 32, 8);
                        store.resolve(h, 32);
                    }
                }
                """);
        Finding f = result.findings().getFirst();
        assertEquals("handle.stale", f.key());
        assertEquals("handle 'h' (issued by 'store' at line 6) used after 'store.grow(...)' at line 7 freed or moved its allocation",
                f.message());
        Fix fix = f.fixes().getFirst();
        assertEquals(Fix.Kind.USE_RETURNED_HANDLE, fix.kind());
        assertEquals("Use 'bigger', the handle 'grow' returned, instead of 'h'", fix.title());
    }

    @Test
    void undeclaredInvalidationSuggestsTheAnnotation() {
        AnalysisResult result = analyze("""
                package app;
                import lib.*;
                class Test {
                    static void refill(MiniStore store) {
                        store.allocate(8, 8);
                    }
                }
                """);
        Finding f = result.findings().getFirst();
        assertEquals("invalidates.undeclared", f.key());
        Fix fix = f.fixes().getFirst();
        assertEquals(Fix.Kind.DECLARE_INVALIDATES, fix.kind());
        assertEquals("Declare @Invalidates(value = \"#1\", effect = Invalidates.Effect.ALLOCATE) on 'refill'", fix.title());
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
    void qualifierMismatchesAreFindingsWithTheFrameworkKey() {
        AnalysisResult result = analyze("""
                package app;
                import lib.*;
                class Test {
                    static void fill(@dev.stowage.qual.Stable MiniStore store) {}
                    void run() { fill(new Growable()); }
                }
                """);
        assertEquals(List.of("argument:5"), result.findings().stream().map(f -> f.key() + ":" + f.range().startLine()).toList());
    }

    @Test
    void concurrentAnalysesAreIndependent() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> analyze(STALE_POINTER).findings());
            var b = pool.submit(() -> analyze(STALE_POINTER.replace("p.set(ValueLayout.JAVA_LONG, 0, 42);", "")).findings());
            assertEquals(1, a.get().size());
            assertEquals(0, b.get().size());
        } finally {
            pool.shutdown();
        }
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

    /** The gate's baselines name findings by their enclosing member (instead of a line): named from javac's trees. */
    @Test
    void findingsNameTheirEnclosingMemberLikeTheBaselinesDo() {
        AnalysisResult result = analyze("""
                package app;
                import lib.*;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                class Test {
                    @dev.stowage.qual.Invalidates("#1")
                    <T> void restock(final MiniStore store, java.util.Map<String, Long> counts) {
                        long h = store.allocate(16, 8);
                        MemorySegment p = store.resolve(h, 16);
                        h = store.grow(h, 16, 32, 8);
                        if (counts.isEmpty()) {
                            Runnable r = () -> { synchronized (this) { p.get(ValueLayout.JAVA_BYTE, 0); } };
                        }
                    }
                    record Point(int x, int y) {
                        Point {
                            MiniStore s = new Arena();
                            s.close();
                            s.allocate(8, 8);
                        }
                    }
                    Runnable task = new Runnable() {
                        public void run() {
                            MiniStore s = new Arena();
                            s.close();
                            s.allocate(8, 8);
                        }
                    };
                }
                """);
        assertEquals(List.of("class Test.method restock(MiniStore,java.util.Map<String,Long>)", "class Test.record Point",
                        "class Test.new Runnable.method run()"),
                result.findings().stream().map(Finding::member).toList(), () -> result.findings().toString());
    }
}
