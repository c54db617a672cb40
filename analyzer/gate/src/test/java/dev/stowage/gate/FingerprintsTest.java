package dev.stowage.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.Message;
import dev.stowage.checker.api.Template;
import dev.stowage.checker.api.SourceRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    static Finding findingAt(String key, int line, int column) {
        return new Finding(dev.stowage.checker.api.Rule.of(key).orElseThrow(),
                Message.of(Template.CAUSE_CALL, "store.grow(...)", new SourceRange("A.java", line - 1, 1, line - 1, 1, 0, 0)),
                new SourceRange("A.java", line, column, line, column + 3, 0, 0), "", List.of(), List.of());
    }

    static String fingerprint(String source, String key, int line) {
        SourceFile file = new SourceFile(Path.of("A.java"), "src/A.java", source);
        Finding finding = findingAt(key, line, 9);
        return new Fingerprints().next(finding, file, memberOf(source));
    }

    /** The member the engine names for these one-method sources (EngineTest checks how it names them). */
    static String memberOf(String source) {
        return source.contains("void g()") ? "class A.method g()" : "class A.method f()";
    }

    static final String ORIGINAL = "class A {\n    void f() {\n        p.get(0);\n    }\n}\n";
    static final String SHIFTED = "import x.Y;\n\n// a comment\nclass A {\n    int unrelated;\n    void f() {\n          p.get(0);\n    }\n}\n";

    @Test
    void survivesLinesInsertedAboveAndReindentation() {
        assertEquals(fingerprint(ORIGINAL, "pointer.stale", 3), fingerprint(SHIFTED, "pointer.stale", 7));
    }

    @Test
    void changesWithTheKeyTheFlaggedLineTheMethodOrTheFile() {
        String base = fingerprint(ORIGINAL, "pointer.stale", 3);
        assertNotEquals(base, fingerprint(ORIGINAL, "handle.stale", 3));
        assertNotEquals(base, fingerprint(ORIGINAL.replace("p.get(0)", "p.get(1)"), "pointer.stale", 3));
        assertNotEquals(base, fingerprint(ORIGINAL.replace("void f()", "void g()"), "pointer.stale", 3));
        SourceFile other = new SourceFile(Path.of("B.java"), "src/B.java", ORIGINAL);
        Finding finding = findingAt("pointer.stale", 3, 9);
        assertNotEquals(base, new Fingerprints().next(finding, other, memberOf(ORIGINAL)));
    }

    @Test
    void identicalFindingsInOneMethodAreNumbered() {
        String source = "class A {\n    void f() {\n        p.get(0);\n        p.get(0);\n    }\n}\n";
        SourceFile file = new SourceFile(Path.of("A.java"), "src/A.java", source);
        Fingerprints fingerprints = new Fingerprints();
        String first = fingerprints.next(findingAt("pointer.stale", 3, 9), file, "class A.method f()");
        String second = fingerprints.next(findingAt("pointer.stale", 4, 9), file, "class A.method f()");
        assertNotEquals(first, second);
        assertEquals(32, first.length());
    }
}
