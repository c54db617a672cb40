package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: outputs, exit codes, baselines and errors, on a marker engine. */
class CliTest {

    @TempDir
    Path dir;

    final MarkerAnalyzer analyzer = new MarkerAnalyzer();

    GateRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.getFirst().equals("check")) {
            all.addAll(List.of("--base-dir", dir.toString()));
        }
        return GateRun.of(analyzer, all);
    }

    Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    static final String BUGGY = """
            package demo;
            class Buggy {
                void f(Store store) {
                    store.grow(h, 8, 16, 8);
                    p.get(JAVA_LONG, 0); /*BUG pointer.stale*/
                }
            }
            """;

    @Test
    void stubFilesAreHandedToTheCheckerAsAstubs() throws IOException {
        write("src/demo/Clean.java", "package demo;\nclass Clean {}\n");
        Path stub = write("models/pool.astub", "package vendor;\n");
        write("models/more/other.astub", "package vendor;\n");
        GateRun run = run("check", "src", "--stubs", "models/pool.astub", "--stubs", "models/more");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("-Astubs=" + stub.toAbsolutePath().normalize() + java.io.File.pathSeparator
                + dir.resolve("models/more").toAbsolutePath().normalize()), analyzer.lastJavacOptions);
    }

    @Test
    void aMissingStubFileIsAUsageError() throws IOException {
        write("src/demo/Clean.java", "package demo;\nclass Clean {}\n");
        GateRun run = run("check", "src", "--stubs", "models/nope.astub");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--stubs: no such stub file or folder") && run.err().contains("nope.astub"), run.err());
    }

    @Test
    void cleanSourcesExitZeroWithASummary() throws IOException {
        write("src/demo/Clean.java", "package demo;\nclass Clean {}\n");
        GateRun run = run("check", "src");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("0 findings in 1 file checked"), run.out());
    }

    @Test
    void findingsPrintCompilerStyleLinesWithTheirRelatedLocationAndExitOne() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        GateRun run = run("check", "src");
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("src/demo/Buggy.java:5:9: error: [pointer.stale] pointer 'p' (resolved from 'store' at line 3) "
                + "used after 'store.grow(...)' at line 4 may have moved its memory", lines.get(0));
        assertEquals("        p.get(JAVA_LONG, 0); /*BUG pointer.stale*/", lines.get(1));
        assertEquals("        ^", lines.get(2));
        assertEquals("  src/demo/Buggy.java:4:5: note: invalidated here: 'store.grow(...)' may have moved the memory", lines.get(3));
        assertTrue(lines.get(4).startsWith("1 finding in 1 file checked: 1 error, 0 warnings, 0 notes"), lines.get(4));
    }

    @Test
    void noSourceDropsTheSnippet() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        GateRun run = run("check", "src", "--no-source", "-q");
        assertEquals(2, run.out().lines().count(), run.out());
    }

    @Test
    void severityOverridesChangeTheLevelAndTheExitCode() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        GateRun warning = run("check", "src", "--severity", "pointer.stale=warning");
        assertEquals(0, warning.exit());
        assertTrue(warning.out().contains(": warning: [pointer.stale]"), warning.out());
        assertEquals(1, run("check", "src", "--severity", "pointer.stale=warning", "--fail-on", "warning").exit());
        GateRun off = run("check", "src", "--severity", "stowage:pointer.stale=off");
        assertEquals(0, off.exit());
        assertTrue(off.out().startsWith("0 findings"), off.out());
    }

    @Test
    void unknownSeverityKeyOrLevelIsAUsageError() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        GateRun key = run("check", "src", "--severity", "pointer.stael=warning");
        assertEquals(2, key.exit());
        assertTrue(key.err().contains("unknown diagnostic key 'pointer.stael'"), key.err());
        assertTrue(key.err().contains("pointer.stale"), "lists the known keys: " + key.err());
        GateRun level = run("check", "src", "--severity", "pointer.stale=fatal");
        assertEquals(2, level.exit());
        assertTrue(level.err().contains("unknown level 'fatal'"), level.err());
        assertEquals(2, run("check", "src", "--severity", "pointer.stale").exit());
    }

    @Test
    void missingFileIsAToolError() {
        GateRun run = run("check", "src/Missing.java");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no such file or directory: src/Missing.java"), run.err());
    }

    @Test
    void nonJavaFileAndEmptyFolderAreToolErrors() throws IOException {
        write("notes.txt", "hello");
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(run("check", "notes.txt").err().contains("not a Java source file: notes.txt"));
        GateRun empty = run("check", "empty");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("no .java files under empty"), empty.err());
    }

    @Test
    void sourcesThatDoNotCompileShowJavacsErrorsApartFromFindingsAndExitTwo() throws IOException {
        write("src/demo/Broken.java", "package demo;\nclass Broken { int x /*SYNTAX*/ }\n");
        write("src/demo/Buggy.java", BUGGY);
        GateRun run = run("check", "src");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("the sources do not compile, so they were not checked"), run.err());
        assertTrue(run.err().contains("src/demo/Broken.java:2:1: error: ';' expected"), run.err());
        assertFalse(run.out().contains("[pointer.stale]"), "no findings from code that does not compile: " + run.out());
    }

    @Test
    void jsonHasEveryFindingWithItsRelatedLocation() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        GateRun run = run("check", "src", "--format", "json");
        assertEquals(1, run.exit());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        JsonObject finding = json.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("pointer.stale", finding.get("key").getAsString());
        assertEquals("stowage:pointer.stale", finding.get("ruleId").getAsString());
        assertEquals("src/demo/Buggy.java", finding.get("file").getAsString());
        assertEquals(5, finding.get("startLine").getAsInt());
        assertEquals("class Buggy.method f(Store)", finding.get("member").getAsString());
        assertEquals(4, finding.getAsJsonArray("related").get(0).getAsJsonObject().get("startLine").getAsInt());
        assertEquals(1, json.getAsJsonObject("summary").get("errors").getAsInt());
        assertTrue(run.err().contains("1 finding in 1 file checked"), "summary on stderr keeps stdout JSON: " + run.err());
    }

    @Test
    void outputWritesTheReportToAFile() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        GateRun run = run("check", "src", "--format", "sarif", "--output", "out/stowage.sarif");
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        String sarif = Files.readString(dir.resolve("out/stowage.sarif"));
        assertTrue(sarif.contains("\"ruleId\": \"stowage:pointer.stale\""), sarif);
    }

    @Test
    void aBaselineWrittenThenReadBackReportsNothing() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        GateRun written = run("check", "src", "--write-baseline", "stowage-baseline.json");
        assertEquals(0, written.exit(), written.err());
        assertTrue(written.err().contains("wrote 1 finding to the baseline stowage-baseline.json"), written.err());
        GateRun again = run("check", "src", "--baseline", "stowage-baseline.json");
        assertEquals(0, again.exit(), again.out());
        assertTrue(again.out().startsWith("1 finding (0 new, 1 baselined, 0 fixed since baseline)"), again.out());
    }

    @Test
    void underABaselineOnlyANewBugIsReportedEvenAfterLinesShift() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        assertEquals(0, run("check", "src", "--write-baseline", "b.json").exit());
        // unrelated lines above the old bug, and a new bug in a new method
        write("src/demo/Buggy.java", """
                package demo;
                import java.util.List;

                /** Now documented. */
                class Buggy {
                    static final int UNRELATED = 1;

                    void f(Store store) {
                        store.grow(h, 8, 16, 8);
                        p.get(JAVA_LONG, 0); /*BUG pointer.stale*/
                    }

                    void g(Store store) {
                        store.close();
                        store.allocate(8, 8); /*BUG store.closed*/
                    }
                }
                """);
        GateRun run = run("check", "src", "--baseline", "b.json", "--no-source");
        assertEquals(1, run.exit());
        List<String> findingLines = run.out().lines().filter(l -> l.contains(": error: [")).toList();
        assertEquals(List.of("src/demo/Buggy.java:15:9: error: [store.closed] pointer 'p' (resolved from 'store' at line 13) "
                + "used after 'store.grow(...)' at line 14 may have moved its memory"), findingLines);
        assertTrue(run.out().contains("2 findings (1 new, 1 baselined, 0 fixed since baseline)"), run.out());
    }

    @Test
    void malformedBaselineIsAToolErrorNamingTheFile() throws IOException {
        write("src/demo/Buggy.java", BUGGY);
        write("bad.json", "{ \"format\": \"stowage-baseline\", \"version\": 1, \"findings\": [ {\"key\": 1} ] }");
        GateRun run = run("check", "src", "--baseline", "bad.json");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("malformed baseline"), run.err());
        assertTrue(run.err().contains("findings[0] has no \"fingerprint\" string"), run.err());
        write("notjson.json", "this is not json");
        GateRun notJson = run("check", "src", "--baseline", "notjson.json");
        assertEquals(2, notJson.exit());
        assertTrue(notJson.err().contains("not valid JSON"), notJson.err());
        GateRun missing = run("check", "src", "--baseline", "nope.json");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("baseline file not found"), missing.err());
    }

    @Test
    void sourcesInAnotherEncodingNeedEncoding() throws IOException {
        Path file = dir.resolve("src/Latin.java");
        Files.createDirectories(file.getParent());
        Files.write(file, "class Latin { String s = \"\u00e9\"; }\n".getBytes(StandardCharsets.ISO_8859_1));
        GateRun utf8 = run("check", "src");
        assertEquals(2, utf8.exit());
        assertTrue(utf8.err().contains("cannot read src/Latin.java: not UTF-8 text (give the sources' encoding with --encoding"),
                utf8.err());
        assertEquals(0, run("check", "src", "--encoding", "ISO-8859-1").exit());
        assertTrue(analyzer.lastSources.getFirst().content().contains("\u00e9"));
        GateRun unknown = run("check", "src", "--encoding", "KLINGON-8");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--encoding: unknown charset 'KLINGON-8'"), unknown.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        GateRun run = run("check", "--frobnicate", "src");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }

    @Test
    void manyFilesShowProgressOnStderr() throws IOException {
        for (int i = 0; i < Gate.PROGRESS_THRESHOLD; i++) {
            write("src/demo/C" + i + ".java", "package demo;\nclass C" + i + " {}\n");
        }
        GateRun run = run("check", "src");
        assertEquals(0, run.exit());
        assertTrue(run.err().contains("stowage: analyzing 20 files..."), run.err());
        assertTrue(run.err().contains("stowage: analyzed 20 files in"), run.err());
        assertFalse(run("check", "src", "-q").err().contains("analyzing"));
    }

    @Test
    void theBundledRuntimeIsOnTheClasspathUnlessTurnedOff() throws IOException {
        write("src/demo/Clean.java", "package demo;\nclass Clean {}\n");
        run("check", "src");
        assertTrue(analyzer.lastClasspath.stream().anyMatch(p -> p.toString().contains("runtime-stores")
                || p.getFileName().toString().startsWith("stowage-runtime")), analyzer.lastClasspath.toString());
        run("check", "src", "--no-bundled-classpath");
        assertEquals(List.of(), analyzer.lastClasspath);
    }

    @Test
    void hiddenFoldersAndMavenTargetFoldersAreNotSources() throws IOException {
        write("proj/pom.xml", "<project/>");
        write("proj/src/main/java/A.java", "class A {}\n");
        write("proj/target/generated/B.java", "class B {}\n");
        write("proj/.git/C.java", "class C {}\n");
        run("check", "proj", "--no-maven");
        assertEquals(List.of("proj/src/main/java/A.java"), analyzer.lastSources.stream().map(s -> s.path()).toList());
    }
}
