package dev.stowage.gate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stowage demo}: checks the bundled demo ({@code test-corpus/demo}), prints its findings in
 * compiler style, and compares them with the bugs the demo seeds ({@code // :: error: [key]} above
 * each buggy line).
 *
 * <p>Exit code: 0 when exactly the seeded bugs were found — a demo that finds its bugs succeeded —
 * 1 when a seeded bug was missed or something else was reported, 2 on a tool error.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = StowageCommand.Version.class,
        description = "Checks the bundled demo and tells whether it found the bugs the demo seeds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:found exactly the seeded bugs", "1:missed a seeded bug or reported another", "2:tool error"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "The demo folder (default: test-corpus/demo)")
    Path directory;

    @Option(names = "--no-source", description = "Do not print the source line and caret under each finding")
    boolean noSource;

    private final Analyzer analyzer;
    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(Analyzer analyzer, PrintStream out, PrintStream err) {
        this.analyzer = analyzer;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Path demo = directory != null ? directory : Path.of("test-corpus", "demo");
        if (!Files.isDirectory(demo)) {
            throw new GateException("the demo folder " + demo + " does not exist (run from the repository root, or give --dir)");
        }
        Path base = Path.of("").toAbsolutePath();
        out.println("stowage demo: checking " + Inputs.displayPath(demo, base) + " ...");
        Gate.Request request = new Gate.Request(List.of(demo), base, List.of(), false, false, false, true,
                List.of(), SeverityConfig.defaults(), null, true, false, java.nio.charset.StandardCharsets.UTF_8,
                dev.stowage.project.TrustPolicy.restricted(), false);
        Gate.Outcome outcome = new Gate(analyzer, err).run(request);
        GateReport report = outcome.report();
        out.print(new TextFormat(!noSource).render(report, outcome.sourcesByEnginePath()));
        out.println(report.summaryLine());

        List<Expectations.Expected> expected = new ArrayList<>();
        outcome.inputs().sources().forEach(file -> expected.addAll(Expectations.of(file)));
        List<Expectations.Expected> found = report.findings().stream()
                .map(f -> new Expectations.Expected(f.displayPath(), f.finding().range().startLine(), f.finding().key()))
                .toList();
        List<Expectations.Expected> missed = new ArrayList<>(expected);
        found.forEach(missed::remove);
        List<Expectations.Expected> unexpected = new ArrayList<>(found);
        expected.forEach(unexpected::remove);
        if (missed.isEmpty() && unexpected.isEmpty()) {
            out.println("stowage demo: found all " + expected.size() + " bugs the demo seeds, and nothing else.");
            return ExitCodes.CLEAN;
        }
        missed.forEach(m -> out.println("stowage demo: MISSED seeded bug " + m));
        unexpected.forEach(u -> out.println("stowage demo: UNEXPECTED finding " + u));
        return ExitCodes.FINDINGS;
    }
}
