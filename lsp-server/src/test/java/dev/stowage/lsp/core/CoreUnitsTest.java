package dev.stowage.lsp.core;

import dev.stowage.checker.api.Rule;
import dev.stowage.checker.api.Message;
import dev.stowage.checker.api.Template;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.api.SourceRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces: positions, edits, settings and the finding-to-diagnostic mapping. */
class CoreUnitsTest {

    @Test
    void positionsMapToOffsetsAndBackWithEveryKindOfLineBreakAndClampOutsideTheText() {
        LineMap map = new LineMap("ab\r\ncd\ref\ng");
        assertEquals(4, map.lineCount());
        assertEquals(4, map.offsetOf(1, 0));
        assertEquals(7, map.offsetOf(2, 0));
        assertEquals(6, map.offsetOf(1, 99), "a character past the line's end clamps to the end of that line");
        assertEquals(11, map.offsetOf(99, 0), "a line past the end clamps to the end of the text");
        assertEquals(0, map.offsetOf(-1, -1));
        assertEquals(2, map.lineOf(8));
        assertEquals(1, map.characterOf(8));
    }

    @Test
    void incrementalChangesApplyLikeAnEditorAppliesThem() {
        String text = "class A {\n}\n";
        assertEquals("class B {\n}\n", DocumentSnapshot.applyChange(text, new TextRange(0, 6, 0, 7), "B"));
        assertEquals("class A {\n  int x;\n}\n", DocumentSnapshot.applyChange(text, new TextRange(1, 0, 1, 0), "  int x;\n"));
        assertEquals("whole", DocumentSnapshot.applyChange(text, null, "whole"));
        assertEquals(text + "tail", DocumentSnapshot.applyChange(text, new TextRange(50, 0, 60, 0), "tail"));
        assertEquals("Xclass A {\n}\n", DocumentSnapshot.applyChange(text, new TextRange(-5, 0, 0, 0), "X"));
    }

    @Test
    void settingsAreReadFromTheClientsJsonAndBadValuesAreReportedWithoutLosingTheRest() {
        List<String> problems = new ArrayList<>();
        Settings s = SettingsParser.apply(Settings.defaults(), JsonParser.parseString("""
                {"stowage": {"severities": {"pointer.escape": "warning", "stowage:handle.foreign": "off", "use.after.move": "loud"},
                             "classpath": ["a.jar", "b.jar"], "rulesBaseUrl": "file:///docs/rules", "debounceMs": -4, "showJavacErrors": false}}
                """), problems::add);
        assertEquals(Severity.WARNING, s.severityOf("pointer.escape"));
        assertEquals(Severity.OFF, s.severityOf("stowage:handle.foreign"));
        assertEquals(Severity.ERROR, s.severityOf("use.after.move"));
        assertEquals(List.of("a.jar", "b.jar"), s.classpath());
        assertEquals("file:///docs/rules/pointer.stale.md", s.ruleUrl("pointer.stale"));
        assertEquals(Settings.DEFAULT_DEBOUNCE_MILLIS, s.debounceMillis());
        assertFalse(s.showJavacErrors());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'loud'"));
        assertTrue(problems.get(1).contains("-4"));
        Settings maven = SettingsParser.apply(s, JsonParser.parseString("{\"classpath\": []}"), problems::add);
        assertNull(maven.classpath(), "an empty classpath setting means: ask Maven");
    }

    @Test
    void stubFilesAreASettingAndABadEntryIsReportedWithoutLosingTheOthers() {
        List<String> problems = new ArrayList<>();
        Settings s = SettingsParser.apply(Settings.defaults(),
                JsonParser.parseString("{\"stowage\": {\"stubs\": [\"models/netty.astub\", 42, \"models/lwjgl\"]}}"), problems::add);
        assertEquals(List.of("models/netty.astub", "models/lwjgl"), s.stubs());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("stowage.stubs") && problems.get(0).contains("42"), problems.get(0));
        assertEquals(List.of(), Settings.defaults().stubs(), "no user stubs unless set (the bundled models need none)");
        assertEquals(List.of(), SettingsParser.apply(s, JsonParser.parseString("{\"stubs\": null}"), problems::add).stubs());
        assertEquals(2, SettingsParser.apply(s, JsonParser.parseString("{\"stubs\": {\"a\": 1}}"), problems::add).stubs().size(),
                "a malformed value keeps the previous stubs");
    }

    @Test
    void findingsBecomeDiagnosticsWithExactRangesRelatedPlacesAndSeverities() {
        String text = "class A {\n  void f() { p.x(); }\n}\n";
        LineMap lines = new LineMap(text);
        int use = text.indexOf("p.x");
        SourceRange r = new SourceRange("A.java", 2, 14, 2, 15, use, use + 1);
        SourceRange inv = new SourceRange("A.java", 2, 3, 2, 7, text.indexOf("void"), text.indexOf("void") + 4);
        Message stale = Message.of(Template.STALE_POINTER, "p", "", "", Message.of(Template.CAUSE_UNKNOWN), "invalidated it");
        Finding f = new Finding(Rule.POINTER_STALE, stale, r, "class A.method f()", List.of(new RelatedLocation(RelatedLocation.Role.INVALIDATION, inv, "here")), List.of());
        Finding other = new Finding(Rule.POINTER_STALE, stale, new SourceRange("B.java", 1, 1, 1, 2, 0, 1), "", List.of(), List.of());
        CompilerMessage javac = new CompilerMessage(CompilerMessage.Severity.ERROR, "cannot find symbol", new SourceRange("A.java", 1, 1, 1, 6, 0, 5));
        CompilerMessage warning = new CompilerMessage(CompilerMessage.Severity.WARNING, "deprecated", null);
        List<StowageDiagnostic> ds = DiagnosticConverter.convert("file:///A.java", "A.java", lines, List.of(f, other), List.of(javac, warning),
                Settings.defaults().withRulesBaseUrl("https://x/rules"));
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(new TextRange(1, 13, 1, 14), ds.get(0).range());
        assertEquals("https://x/rules/pointer.stale.md", ds.get(0).href());
        assertEquals(new TextRange(1, 2, 1, 6), ds.get(0).related().get(0).range());
        assertEquals("javac", ds.get(1).source());
        assertNull(ds.get(1).code());
        assertTrue(DiagnosticConverter.convert("u", "A.java", lines, List.of(f), List.of(javac),
                Settings.defaults().withSeverity("pointer.stale", Severity.OFF).withShowJavacErrors(false)).isEmpty());
    }
}
