package dev.stowage.corpus;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.stowage.corpus.Scenario.Expectation;
import dev.stowage.store.StaleHandleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The static rules and the runtime agree. Every runnable scenario is run against
 * {@code CheckedStore}: a buggy one must fail at run time at a line the checker flags (that line must
 * be on the failure's stack in the scenario's class; for a lambda or local class called on a flagged
 * line, the body's line is on top and the call's line below it), with the exception its key implies
 * ({@code pointer.thread}: the JDK's {@code WrongThreadException}, unwrapped from the
 * {@code ExecutionException} of the task that ran on another thread);
 * a clean one must run without exception. Gaps are listed as {@code runtime} lines in
 * {@code known-gaps.txt}. Writes {@code target/runtime-agreement-summary.txt}.
 */
class RuntimeAgreementTest {

    @TestFactory
    Stream<DynamicTest> everyRunnableScenarioFailsAtRunTimeWhereTheCheckerFlagsIt() throws IOException {
        List<Scenario> scenarios = Scenario.loadAll(CorpusPaths.sources());
        KnownGaps gaps = KnownGaps.load(CorpusPaths.knownGaps());
        List<DynamicTest> tests = new ArrayList<>();
        int[] agreed = new int[2]; // buggy that failed where flagged, clean that ran clean
        List<Scenario> runnable = scenarios.stream().filter(Scenario::isRunnable).toList();
        List<String> disagreements = new ArrayList<>();
        for (Scenario scenario : runnable) {
            String verdict = verdict(scenario);
            if (verdict == null) agreed[scenario.isClean() ? 1 : 0]++;
            else disagreements.add(scenario.name() + ": " + verdict.lines().findFirst().orElse(""));
            String gap = gaps.runtimeGaps().get(scenario.name());
            tests.add(dynamicTest(scenario.name(), CorpusPaths.sources().resolve("corpus").resolve(scenario.relativePath()).toUri(), () -> {
                if (gap != null) {
                    if (verdict == null) {
                        fail(scenario.name() + " is listed as a runtime gap in known-gaps.txt (" + gap + ") but now agrees:"
                                + " remove it from the list");
                    }
                    Assumptions.abort("known runtime gap (" + gap + "): " + verdict);
                }
                if (verdict != null) fail(verdict);
            }));
        }
        Set<String> names = runnable.stream().map(Scenario::name).collect(Collectors.toSet());
        for (String listed : gaps.runtimeGaps().keySet()) {
            if (!names.contains(listed)) {
                tests.add(dynamicTest("known-gaps.txt lists " + listed,
                        () -> fail("known-gaps.txt lists runtime gap " + listed + ", which is no runnable scenario")));
            }
        }
        long buggy = runnable.stream().filter(s -> !s.isClean()).count();
        long clean = runnable.size() - buggy;
        String summary = """
                Stowage corpus against CheckedStore
                runnable scenarios:     %d of %d (%d buggy, %d clean; the rest say why not)
                buggy failing at the flagged line: %d / %d
                clean running cleanly:  %d / %d
                """.formatted(runnable.size(), scenarios.size(), buggy, clean, agreed[0], buggy, agreed[1], clean);
        Files.createDirectories(CorpusPaths.reportDir());
        Files.writeString(CorpusPaths.reportDir().resolve("runtime-agreement-summary.txt"),
                summary + (disagreements.isEmpty() ? "" : "\nDisagreements:\n" + String.join("\n", disagreements) + "\n"));
        System.out.println(summary);
        return tests.stream();
    }

    /** Null when the run agrees with the expectations; otherwise what went wrong, with the stack. */
    static String verdict(Scenario scenario) {
        String file = "test-corpus/src/main/java/corpus/" + scenario.relativePath();
        Throwable thrown;
        try {
            thrown = ScenarioRunner.run(scenario).thrown();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return file + ": cannot run the scenario: " + e + "\n" + stack(e);
        }
        // A task run on another thread fails there; the submitting thread sees the failure wrapped.
        while ((thrown instanceof java.util.concurrent.ExecutionException || thrown instanceof java.util.concurrent.CompletionException)
                && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        if (scenario.isClean()) {
            return thrown == null ? null : file + ": a clean scenario failed at run time: " + thrown + "\n" + stack(thrown);
        }
        if (thrown == null) {
            return file + ": expected a run-time failure at " + scenario.expectations() + ", but run(...) returned normally";
        }
        List<Integer> scenarioLines = Arrays.stream(thrown.getStackTrace())
                .filter(f -> f.getClassName().equals(scenario.className()) || f.getClassName().startsWith(scenario.className() + "$"))
                .map(StackTraceElement::getLineNumber)
                .toList();
        Expectation hit = null;
        for (int line : scenarioLines) {
            hit = scenario.expectations().stream().filter(e -> e.line() == line).findFirst().orElse(null);
            if (hit != null) break;
        }
        if (hit == null) {
            return file + ":" + (scenarioLines.isEmpty() ? "?" : scenarioLines.getFirst()) + ": failed at run time at lines "
                    + scenarioLines + " of the scenario, none of them flagged " + scenario.expectations() + ": " + thrown
                    + "\n" + stack(thrown);
        }
        String wrongKind = wrongException(hit.key(), thrown);
        return wrongKind == null ? null : file + ":" + hit.line() + ": [" + hit.key() + "] " + wrongKind + "\n" + stack(thrown);
    }

    /** Null when the exception is the one the key implies at run time; otherwise why not. */
    private static String wrongException(String key, Throwable thrown) {
        return switch (key) {
            case "handle.stale", "handle.foreign" -> thrown instanceof StaleHandleException ? null
                    : "expected a StaleHandleException, got " + thrown;
            case "pointer.stale" -> thrown instanceof IllegalStateException && !(thrown instanceof StaleHandleException) ? null
                    : "expected the FFM IllegalStateException of a dead pointer, got " + thrown;
            case "store.closed", "use.after.move" -> thrown instanceof IllegalStateException ? null
                    : "expected an IllegalStateException, got " + thrown;
            case "pointer.thread" -> thrown instanceof WrongThreadException ? null
                    : "expected the JDK's WrongThreadException of a confined arena reached from another thread, got " + thrown;
            case "box.leak.unpinned" -> thrown instanceof UnsupportedOperationException ? null
                    : "expected StoreBox.leak() to refuse with UnsupportedOperationException, got " + thrown;
            default -> "no run-time counterpart is defined for [" + key + "]; mark the scenario '// not-runnable:'";
        };
    }

    private static String stack(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString().lines().limit(25).collect(Collectors.joining("\n"));
    }
}
