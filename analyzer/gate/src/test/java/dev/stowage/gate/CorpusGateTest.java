package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.engine.SourceInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.stowage.project.BundledLibraries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate over the whole test corpus with the real engine: it must report exactly what the engine
 * finds, in every format, and keep its promises about baselines and errors.
 */
class CorpusGateTest {

    /**
     * The real engine, remembering its answer per input so the corpus is analysed once for all the
     * gate runs that give it the very same sources (the engine is deterministic).
     */
    static final class RememberingEngine implements Analyzer {
        private final Analyzer engine = new EngineAnalyzer();
        private final Map<List<SourceInput>, AnalysisResult> answers = new HashMap<>();
        int analyses;

        @Override
        public synchronized AnalysisResult analyze(List<SourceInput> sources, List<Path> classpath, List<String> javacOptions,
                                                   BooleanSupplier cancelled) {
            return answers.computeIfAbsent(List.copyOf(sources), s -> {
                analyses++;
                return engine.analyze(s, classpath, javacOptions, cancelled);
            });
        }
    }

    static final Path ROOT = Path.of(System.getProperty("stowage.repo.root", "../..")).toAbsolutePath().normalize();
    static final Path CORPUS = ROOT.resolve("test-corpus/src/main/java");
    static final RememberingEngine ENGINE = new RememberingEngine();
    static final java.util.regex.Pattern LIBRARY_AREA = java.util.regex.Pattern.compile("[/\\\\]corpus[/\\\\](netty|lwjgl|arrow)[/\\\\]");

    /** The corpus files the engine compiles cleanly (display paths, from the repository root). */
    static List<String> compilingFiles;
    /** javac's errors in the other files, compiler-style ("file:line:col: error: message"). */
    static List<String> compileErrors;
    /** What the engine itself reports for the compiling files: "file:line:col: [key] message" each. */
    static List<String> engineFindings;

    static GateRun gate(Path base, String... args) {
        return gate(base, List.of(args));
    }

    static GateRun gate(Path base, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--base-dir", base.toString()));
        return GateRun.of(ENGINE, all);
    }

    /** The gate's arguments for the compiling corpus files, then {@code extra}. */
    static List<String> checkCompiling(String... extra) {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(compilingFiles);
        args.addAll(List.of(extra));
        return args;
    }

    @BeforeAll
    static void analyseTheCorpusWithTheEngineDirectly() throws IOException {
        assertTrue(Files.isDirectory(CORPUS), "the test corpus is missing: " + CORPUS);
        List<SourceInput> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            // The library-model areas compile against Netty, LWJGL and Arrow, which the gate does not
            // bundle; test-corpus checks them with the real jars (CorpusCheckerTest).
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !LIBRARY_AREA.matcher(p.toString()).find()).toList()) {
                sources.add(new SourceInput(Inputs.displayPath(file, ROOT), Files.readString(file)));
            }
        }
        sources.sort(java.util.Comparator.comparing(SourceInput::path));
        // Scenarios the engine reports javac errors for (a checker type error it does not yet turn
        // into a finding, say) are not checked by the gate: they get their own test below.
        AnalysisResult whole = ENGINE.analyze(sources, BundledLibraries.paths(), List.of(), () -> false);
        java.util.Set<String> broken = new java.util.TreeSet<>();
        compileErrors = new ArrayList<>();
        for (var message : whole.compilerMessages()) {
            if (message.severity() == dev.stowage.checker.engine.CompilerMessage.Severity.ERROR && message.range() != null) {
                broken.add(message.range().file());
                compileErrors.add(message.range().file() + ":" + message.range().startLine() + ":" + message.range().startColumn()
                        + ": error: " + message.message());
            }
        }
        if (!broken.isEmpty()) {
            System.err.println("CorpusGateTest: " + broken.size() + " corpus files do not compile in the engine, checked apart: " + broken);
        }
        List<SourceInput> compiling = sources.stream().filter(s -> !broken.contains(s.path())).toList();
        compilingFiles = compiling.stream().map(SourceInput::path).toList();
        assertTrue(compilingFiles.size() > sources.size() / 2, "most of the corpus must compile: " + broken);
        AnalysisResult result = ENGINE.analyze(compiling, BundledLibraries.paths(), List.of(), () -> false);
        assertFalse(result.hasCompileErrors(), "the rest of the corpus must compile: " + result.compilerMessages());
        engineFindings = result.findings().stream().map(CorpusGateTest::describe).sorted().toList();
        assertFalse(engineFindings.isEmpty(), "the engine found nothing in the corpus: the comparison would be empty");
    }

    @Test
    void corpusFilesThatDoNotCompileGiveJavacsErrorsApartFromFindingsAndExitTwo() {
        org.junit.jupiter.api.Assumptions.assumeFalse(compileErrors.isEmpty(), "every corpus file compiles");
        GateRun run = gate(ROOT, "check", "test-corpus/src/main/java", "--no-source");
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("the sources do not compile, so they were not checked. javac reports:"), run.err());
        for (String error : compileErrors) {
            assertTrue(run.err().contains(error.lines().findFirst().orElseThrow()), "missing " + error + " in\n" + run.err());
        }
        assertEquals("", run.out(), "no finding is printed when the sources do not compile");
    }

    static String describe(Finding f) {
        return f.range().file() + ":" + f.range().startLine() + ":" + f.range().startColumn() + ": [" + f.key() + "] " + f.message();
    }

    @Test
    void textReportsExactlyTheEnginesFindingsAndExitsOne() {
        GateRun run = gate(ROOT, checkCompiling("--no-source"));
        assertEquals(1, run.exit(), run.err());
        Pattern line = Pattern.compile("^(\\S+:\\d+:\\d+): error: (\\[[\\w.]+\\] .*)$");
        List<String> reported = new ArrayList<>();
        for (String l : run.out().lines().toList()) {
            Matcher m = line.matcher(l);
            if (m.matches()) {
                reported.add(m.group(1) + ": " + m.group(2));
            } else if (l.startsWith(TextFormat.CONTINUATION) && !reported.isEmpty()) {
                reported.set(reported.size() - 1, reported.getLast() + "\n" + l.substring(TextFormat.CONTINUATION.length()));
            }
        }
        assertEquals(engineFindings, reported.stream().sorted().toList());
        assertTrue(run.out().contains(engineFindings.size() + " findings in "), run.out());
    }

    @Test
    void jsonReportsExactlyTheEnginesFindings() {
        GateRun run = gate(ROOT, checkCompiling("--format", "json"));
        assertEquals(1, run.exit(), run.err());
        JsonArray findings = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("findings");
        List<String> reported = new ArrayList<>();
        for (JsonElement e : findings) {
            JsonObject o = e.getAsJsonObject();
            reported.add(o.get("file").getAsString() + ":" + o.get("startLine").getAsInt() + ":" + o.get("startColumn").getAsInt()
                    + ": [" + o.get("key").getAsString() + "] " + o.get("message").getAsString());
        }
        assertEquals(engineFindings, reported.stream().sorted().toList());
    }

    @Test
    void sarifReportsExactlyTheEnginesFindingsAndIsSchemaValid() throws IOException {
        GateRun run = gate(ROOT, checkCompiling("--format", "sarif"));
        assertEquals(1, run.exit(), run.err());
        SarifSchema.assertValid(run.out());
        JsonArray results = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject().getAsJsonArray("results");
        List<String> reported = new ArrayList<>();
        for (JsonElement e : results) {
            JsonObject o = e.getAsJsonObject();
            JsonObject physical = o.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
            JsonObject region = physical.getAsJsonObject("region");
            String text = o.getAsJsonObject("message").get("text").getAsString()
                    .replaceFirst(" \\(\\[[^\\]]*\\]\\(\\d+\\)(, \\[[^\\]]*\\]\\(\\d+\\))*\\)$", "")
                    .replace("\\[", "[").replace("\\]", "]");
            reported.add(physical.getAsJsonObject("artifactLocation").get("uri").getAsString() + ":"
                    + region.get("startLine").getAsInt() + ":" + region.get("startColumn").getAsInt() + ": ["
                    + o.get("ruleId").getAsString().replaceFirst("^stowage:", "") + "] " + text);
        }
        assertEquals(engineFindings, reported.stream().sorted().toList());
    }

    @Test
    void aBaselineOfTheCorpusReadBackReportsNothing(@TempDir Path dir) {
        Path baseline = dir.resolve("corpus-baseline.json");
        assertEquals(0, gate(ROOT, checkCompiling("--write-baseline", baseline.toString(), "-q")).exit());
        GateRun run = gate(ROOT, checkCompiling("--baseline", baseline.toString()));
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().startsWith(engineFindings.size() + " findings (0 new, " + engineFindings.size()
                + " baselined, 0 fixed since baseline)"), run.out());
    }

    @Test
    void afterANewBugAndShiftedLinesOnlyTheNewBugIsReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("src/corpus/flow/BranchGrowThenUse.java");
        Files.createDirectories(file.getParent());
        String original = Files.readString(CORPUS.resolve("corpus/flow/BranchGrowThenUse.java"));
        Files.writeString(file, original);
        GateRun before = gate(dir, "check", "src", "--write-baseline", "baseline.json");
        assertEquals(0, before.exit(), before.err());

        // Shift every line with an unrelated import and comment, and add a method with a new bug.
        String edited = original
                .replace("import java.lang.foreign.MemorySegment;",
                        "import java.lang.foreign.MemorySegment;\nimport java.util.List;\n\n// an unrelated comment\n")
                .replaceFirst("}\\s*$", """

                            public static long added() {
                                try (dev.stowage.store.ArenaStore store = new dev.stowage.store.ArenaStore()) {
                                    long h = store.allocate(8, 8);
                                    MemorySegment q = store.resolve(h, 8);
                                    h = store.grow(h, 8, 64, 8);
                                    // :: error: [pointer.stale]
                                    return q.get(JAVA_LONG, 0);
                                }
                            }
                        }
                        """);
        Files.writeString(file, edited);
        GateRun after = gate(dir, "check", "src", "--baseline", "baseline.json", "--no-source", "--format", "json");
        assertEquals(1, after.exit(), after.err());
        JsonArray findings = JsonParser.parseString(after.out()).getAsJsonObject().getAsJsonArray("findings");
        List<Expectations.Expected> expected = Expectations.of(new SourceFile(file, "src/corpus/flow/BranchGrowThenUse.java", edited));
        Expectations.Expected newBug = expected.getLast();
        assertEquals(1, findings.size(), after.out());
        JsonObject only = findings.get(0).getAsJsonObject();
        assertEquals(newBug.line(), only.get("startLine").getAsInt(), after.out());
        assertEquals("pointer.stale", only.get("key").getAsString());
        assertEquals("class BranchGrowThenUse.method added()", only.get("member").getAsString());
    }

    @Test
    void aSourceThatDoesNotCompileShowsJavacsErrorsAndExitsTwo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Broken.java"), "class Broken {\n    int x = ;\n}\n");
        GateRun run = gate(dir, "check", "Broken.java");
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("the sources do not compile, so they were not checked"), run.err());
        assertTrue(run.err().contains("Broken.java:2:"), run.err());
        assertFalse(run.out().contains(": error: ["), "no findings are printed: " + run.out());
    }

    @Test
    void theDemoFindsExactlyItsSeededBugs() {
        GateRun run = gate(ROOT, "check", "test-corpus/demo", "--format", "json");
        JsonArray findings = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("findings");
        assertEquals(4, findings.size(), run.out() + run.err());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"demo", "--dir", ROOT.resolve("test-corpus/demo").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, ENGINE);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("found all 4 bugs the demo seeds, and nothing else"), printed);
    }
}
