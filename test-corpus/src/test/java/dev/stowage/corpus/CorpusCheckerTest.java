package dev.stowage.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The checker against the whole corpus: for every scenario, the findings equal the expectations
 * (key and line, both directions). One dynamic test per scenario, named by its path. Scenarios listed
 * as {@code static} gaps in {@code known-gaps.txt} are expected to differ (reported as skipped), and
 * fail if they start to match, so the list only shrinks. Writes {@code target/corpus-summary.txt}.
 */
class CorpusCheckerTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioGetsExactlyTheExpectedFindings() throws IOException {
        List<Scenario> scenarios = Scenario.loadAll(CorpusPaths.sources());
        KnownGaps gaps = KnownGaps.load(CorpusPaths.knownGaps());
        CorpusAnalysis analysis = CorpusAnalysis.run(scenarios, CorpusPaths.scenarioClasspath());
        assertTrue(analysis.unplacedErrors().isEmpty(), () -> "javac errors outside any scenario: " + analysis.unplacedErrors());

        List<Comparison> comparisons = scenarios.stream().map(s -> Comparison.of(s, analysis.of(s))).toList();
        writeSummary(comparisons, gaps, analysis.millis());
        writeFindings(scenarios, analysis);

        List<DynamicTest> tests = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            Scenario scenario = comparison.scenario();
            String gap = gaps.staticGaps().get(scenario.name());
            tests.add(dynamicTest(scenario.name(), CorpusPaths.sources().resolve("corpus").resolve(scenario.relativePath()).toUri(), () -> {
                if (gap != null) {
                    if (comparison.matches()) {
                        fail(scenario.name() + " is listed in known-gaps.txt (" + gap + ") but now matches its expectations:"
                                + " remove it from the list");
                    }
                    Assumptions.abort("known gap (" + gap + "):" + comparison.describe());
                }
                if (!comparison.matches()) {
                    fail(scenario.name() + " does not match its expectations:" + comparison.describe());
                }
            }));
        }
        Set<String> names = scenarios.stream().map(Scenario::name).collect(Collectors.toSet());
        for (String listed : gaps.staticGaps().keySet()) {
            if (!names.contains(listed)) {
                tests.add(dynamicTest("known-gaps.txt lists " + listed,
                        () -> fail("known-gaps.txt lists static gap " + listed + ", which is no scenario")));
            }
        }
        return tests.stream();
    }

    @Test
    void theCorpusCoversWhatSpecSixAsks() {
        List<Scenario> scenarios = Scenario.loadAll(CorpusPaths.sources());
        assertTrue(scenarios.size() >= 150, () -> "the corpus promises at least 150 scenarios (docs/test-corpus.md); there are " + scenarios.size());
        Set<String> keys = scenarios.stream().flatMap(s -> s.expectations().stream()).map(Scenario.Expectation::key)
                .collect(Collectors.toSet());
        for (String key : List.of("handle.stale", "pointer.stale", "store.closed", "use.after.move", "box.leak.unpinned",
                "handle.foreign", "pointer.escape", "invalidates.undeclared", "argument", "pointer.thread",
                "ownership.borrowed")) {
            assertTrue(keys.contains(key), () -> "no scenario expects [" + key + "]");
        }
        long clean = scenarios.stream().filter(Scenario::isClean).count();
        assertTrue(clean * 3 >= scenarios.size(), () -> "clean scenarios pin down false reports; only " + clean + " of " + scenarios.size());
        Pattern oneLineJavadoc = Pattern.compile("^/\\*\\* \\S.* \\*/$", Pattern.MULTILINE);
        assertEquals(List.of(), scenarios.stream().filter(s -> !oneLineJavadoc.matcher(s.source()).find()).map(Scenario::name).toList(),
                "every scenario says in a one-line javadoc what it shows");
    }

    /** Every finding in compiler style, for reading the messages (and for the rule docs' examples). */
    private static void writeFindings(List<Scenario> scenarios, CorpusAnalysis analysis) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Scenario scenario : scenarios) {
            for (var f : analysis.of(scenario).findings()) {
                out.append(f.range()).append(": error: [").append(f.key()).append("] ").append(f.message()).append('\n');
            }
        }
        Files.createDirectories(CorpusPaths.reportDir());
        Files.writeString(CorpusPaths.reportDir().resolve("corpus-findings.txt"), out);
    }

    private static void writeSummary(List<Comparison> comparisons, KnownGaps gaps, long millis) throws IOException {
        int bugsPresent = 0;
        int bugsFound = 0;
        int buggyScenarios = 0;
        int buggyScenariosFullyFound = 0;
        int cleanScenarios = 0;
        int cleanScenariosWithFalseReports = 0;
        int falseReports = 0;
        int mismatching = 0;
        StringBuilder details = new StringBuilder();
        for (Comparison c : comparisons) {
            bugsPresent += c.scenario().expectations().size();
            bugsFound += c.found().size();
            falseReports += c.unexpected().size();
            if (c.scenario().isClean()) {
                cleanScenarios++;
                if (!c.unexpected().isEmpty()) cleanScenariosWithFalseReports++;
            } else {
                buggyScenarios++;
                if (c.missing().isEmpty()) buggyScenariosFullyFound++;
            }
            if (!c.matches()) {
                mismatching++;
                String gap = gaps.staticGaps().get(c.scenario().name());
                details.append(c.scenario().name()).append(gap != null ? "  (known gap: " + gap + ")" : "").append(c.describe()).append('\n');
            }
        }
        String summary = """
                Stowage checker on the test corpus
                scenarios:            %d (%d with bugs, %d clean)
                bugs found / present: %d / %d (buggy scenarios fully found: %d / %d)
                false reports:        %d in all; clean scenarios with a false report: %d / %d
                scenarios mismatching: %d (known gaps listed: %d)
                analysis time:        %d ms for the whole corpus in one engine run
                """.formatted(comparisons.size(), buggyScenarios, cleanScenarios, bugsFound, bugsPresent,
                buggyScenariosFullyFound, buggyScenarios, falseReports, cleanScenariosWithFalseReports, cleanScenarios,
                mismatching, gaps.staticGaps().size(), millis);
        StringBuilder areas = new StringBuilder("\nBy area (scenarios: with bugs + clean):\n");
        comparisons.stream().map(Comparison::scenario)
                .collect(Collectors.groupingBy(sc -> sc.relativePath().substring(0, sc.relativePath().indexOf('/')),
                        java.util.TreeMap::new, Collectors.toList()))
                .forEach((area, list) -> areas.append(String.format("  %-12s %3d: %3d + %3d%n", area, list.size(),
                        list.stream().filter(sc -> !sc.isClean()).count(), list.stream().filter(Scenario::isClean).count())));
        Files.createDirectories(CorpusPaths.reportDir());
        Files.writeString(CorpusPaths.reportDir().resolve("corpus-summary.txt"),
                summary + areas + (details.isEmpty() ? "" : "\nMismatches:\n" + details));
        System.out.println(summary);
    }
}
