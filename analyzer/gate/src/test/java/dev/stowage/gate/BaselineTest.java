package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    static GateFinding finding(String fingerprint) {
        Finding f = new Finding(dev.stowage.checker.api.Rule.POINTER_STALE, dev.stowage.checker.api.Message.of(
                dev.stowage.checker.api.Template.CAUSE_UNKNOWN), new SourceRange("A.java", 3, 9, 3, 12, 0, 0), "class A", List.of(), List.of());
        return new GateFinding(f, new SourceFile(Path.of("A.java"), "src/A.java", ""), Level.ERROR, "class A",
                fingerprint, GateFinding.BaselineState.NONE);
    }

    @Test
    void roundTripsThroughTheFile() {
        Path file = dir.resolve("b.json");
        Baseline.of(List.of(finding("aa"), finding("bb"))).write(file);
        Baseline read = Baseline.read(file);
        assertEquals(List.of("aa", "bb"), read.entries().stream().map(Baseline.Entry::fingerprint).toList());
        assertEquals("src/A.java", read.entries().getFirst().file());
        assertEquals(3, read.entries().getFirst().line());
    }

    @Test
    void fingerprintsMatchAsAMultiset() {
        Baseline baseline = new Baseline(List.of(new Baseline.Entry("aa", null, null, null, 0, null)));
        List<GateFinding> marked = baseline.mark(List.of(finding("aa"), finding("aa"), finding("cc")));
        assertEquals(List.of(GateFinding.BaselineState.BASELINED, GateFinding.BaselineState.NEW, GateFinding.BaselineState.NEW),
                marked.stream().map(GateFinding::baselineState).toList());
    }

    @Test
    void countsEntriesFixedSinceTheBaseline() {
        Baseline baseline = new Baseline(List.of(new Baseline.Entry("aa", null, null, null, 0, null),
                new Baseline.Entry("bb", null, null, null, 0, null)));
        assertEquals(1, baseline.unmatchedCount(List.of(finding("aa"), finding("cc"))));
    }

    @Test
    void rejectsMalformedFilesWithTheFileAndTheProblem() throws IOException {
        assertMalformed("[]", "expected a JSON object");
        assertMalformed("{\"format\": \"other\"}", "\"format\" is 'other', expected 'stowage-baseline'");
        assertMalformed("{\"format\": \"stowage-baseline\", \"version\": 7, \"findings\": []}", "this gate reads version 1");
        assertMalformed("{\"format\": \"stowage-baseline\", \"version\": 1}", "\"findings\" must be an array");
        assertMalformed("{\"format\": \"stowage-baseline\", \"version\": 1, \"findings\": [3]}", "findings[0] is not an object");
        assertMalformed("{\"format\": \"stowage-baseline\", \"version\": 1, \"findings\": [", "not valid JSON");
    }

    private void assertMalformed(String content, String expected) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        GateException e = assertThrows(GateException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
