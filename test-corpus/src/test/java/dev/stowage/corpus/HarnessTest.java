package dev.stowage.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.SourceRange;
import dev.stowage.corpus.Scenario.Expectation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus harness itself: how expectations and directives are read, and how findings are compared. */
class HarnessTest {

    private static final String SOURCE = """
            package corpus.flow;

            // run-with: GrowableStore
            // run-args: true
            /** Shows something. */
            public final class Example {
                public static void run(Store store, boolean flag) {
                    // :: error: [pointer.stale]
                    p.set(JAVA_LONG, 0, 1);
                    // :: error: [handle.stale] [store.closed]
                    // :: error: [pointer.stale]
                    store.resolve(h, 8);
                }
            }
            """;

    @Test
    void expectationsApplyToTheNextLineThatIsNotAnExpectation() {
        Scenario scenario = Scenario.parse("flow/Example.java", SOURCE);
        assertEquals(List.of(new Expectation("pointer.stale", 9), new Expectation("handle.stale", 12),
                new Expectation("pointer.stale", 12), new Expectation("store.closed", 12)), scenario.expectations());
        assertEquals("corpus.flow.Example", scenario.className());
        assertEquals(List.of("GrowableStore"), scenario.runWith());
        assertEquals(List.of("true"), scenario.runArgs());
        assertTrue(scenario.isRunnable());
        assertFalse(scenario.isClean());
    }

    @Test
    void aScenarioMustSayWhetherItRuns() {
        String neither = SOURCE.replace("// run-with: GrowableStore\n", "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.parse("flow/Example.java", neither))
                .getMessage().contains("has neither"));
        String both = SOURCE.replace("// run-args: true\n", "// not-runnable: because\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.parse("flow/Example.java", both))
                .getMessage().contains("has both"));
    }

    @Test
    void aMalformedExpectationIsAnErrorWithItsLine() {
        String old = SOURCE.replace("// :: error: [pointer.stale]\n        p.set", "// :: error: (pointer.stale)\n        p.set");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.parse("flow/Example.java", old));
        assertTrue(e.getMessage().startsWith("flow/Example.java:8:"), e.getMessage());
    }

    @Test
    void comparisonReportsMissingAndUnexpectedFindingsByKeyAndLine() {
        Scenario scenario = Scenario.parse("flow/Example.java", SOURCE);
        List<Finding> findings = List.of(finding("pointer.stale", 9), finding("handle.stale", 12), finding("store.closed", 12),
                finding("pointer.stale", 11), finding("handle.stale", 9));
        Comparison comparison = Comparison.of(scenario, new CorpusAnalysis.FileResult(findings, List.of()));
        assertEquals(List.of(new Expectation("pointer.stale", 12)), comparison.missing());
        assertEquals(List.of("pointer.stale@11", "handle.stale@9"),
                comparison.unexpected().stream().map(f -> f.key() + "@" + f.range().startLine()).toList());
        assertFalse(comparison.matches());
        assertTrue(comparison.describe().contains("Example.java:12: missing [pointer.stale]"), comparison.describe());
        assertTrue(comparison.describe().contains("Example.java:11: unexpected [pointer.stale]"), comparison.describe());
    }

    @Test
    void exactFindingsMatch() {
        Scenario scenario = Scenario.parse("flow/Example.java", SOURCE);
        List<Finding> findings = List.of(finding("pointer.stale", 9), finding("handle.stale", 12), finding("store.closed", 12),
                finding("pointer.stale", 12));
        assertTrue(Comparison.of(scenario, new CorpusAnalysis.FileResult(findings, List.of())).matches());
    }

    @Test
    void knownGapsAreReadByKind(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known-gaps.txt");
        Files.writeString(file, "# comment\n\nstatic flow/A misses the loop\nruntime table/b/C store does not tell\n");
        KnownGaps gaps = KnownGaps.load(file);
        assertEquals("misses the loop", gaps.staticGaps().get("flow/A"));
        assertEquals("store does not tell", gaps.runtimeGaps().get("table/b/C"));
        Files.writeString(file, "static flow/A\n");
        assertThrows(IllegalArgumentException.class, () -> KnownGaps.load(file));
    }

    private static Finding finding(String key, int line) {
        return new Finding(dev.stowage.checker.api.Rule.of(key).orElseThrow(),
                dev.stowage.checker.api.Message.of(dev.stowage.checker.api.Template.CAUSE_UNKNOWN),
                new SourceRange("corpus/flow/Example.java", line, 9, line, 20, 0, 0), "", List.of(), List.of());
    }
}
