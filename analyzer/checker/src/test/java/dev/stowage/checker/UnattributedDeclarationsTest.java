package dev.stowage.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.AnalysisResult;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.engine.SourceInput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * javac checks one class after another (attribute, flow, then the checker), so a class may read a
 * field of a class of the same compilation that is not attributed yet: its initializer's tree has
 * no symbols. The field's initializer is what tells whether the field holds a fresh object
 * (Tracking.freshFieldOwnerQuals); an unattributed one must mean "not known fresh", not a crash
 * (netty-example 4.1.118's HelloWorldHttp1Handler reading HelloWorldHttp2Handler.RESPONSE_BYTES,
 * whose initializer is {@code unreleasableBuffer(copiedBuffer(...)).asReadOnly()}).
 */
class UnattributedDeclarationsTest {

    /** Read first (javac checks files in order): the class that holds the field comes after it. */
    private static final String READER = """
            package app;
            import java.lang.foreign.MemorySegment;
            import static java.lang.foreign.ValueLayout.JAVA_LONG;
            final class Reader {
                long run() {
                    MemorySegment p = Holder.LIST.pushBack();
                    Holder.LIST.popFront();
                    return p.get(JAVA_LONG, 0);
                }
            }
            """;

    private static final String HOLDER = """
            package app;
            import lib.*;
            final class Holder {
                static final Lst LIST = Lst.create(new Arena());
            }
            """;

    /** The engine (findings as errors): the same finding in either order of the files. */
    @Test
    void fieldOfAClassCheckedLaterIsReadWithoutCrash() {
        AnalysisResult result = analyze(List.of(new SourceInput("app/Reader.java", READER), new SourceInput("app/Holder.java", HOLDER)));
        List<String> keys = result.findings().stream().map(f -> f.key() + ":" + f.range().file() + ":" + f.range().startLine()).toList();
        // the pointer is stale whatever is known of the field: popFront() kills the list's pointers
        assertEquals(List.of("pointer.stale:app/Reader.java:8"), keys);
    }

    @Test
    void sameFindingWhenTheHoldingClassIsCheckedFirst() {
        AnalysisResult result = analyze(List.of(new SourceInput("app/Holder.java", HOLDER), new SourceInput("app/Reader.java", READER)));
        List<String> keys = result.findings().stream().map(f -> f.key() + ":" + f.range().file() + ":" + f.range().startLine()).toList();
        assertEquals(List.of("pointer.stale:app/Reader.java:8"), keys);
    }

    /**
     * As a build runs it, with findings as warnings ({@code -Awarns}, as scripts/eval-real-libs.sh
     * does): javac then takes one class through attribution, the checker and code generation before
     * it attributes the next, so the reader is checked while the holder's trees have no symbols.
     * Without the null-safe lookups this is the crash (a BugInCF from TreeUtils.elementFromUse).
     */
    @Test
    void fieldOfAClassNotAttributedYetIsReadWithoutCrash(@TempDir Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> files = new ArrayList<>();
        for (SourceInput s : CheckerHarness.LIBRARY) {
            files.add(source(s.path(), s.content()));
        }
        files.add(source("app/Reader.java", READER));
        files.add(source("app/Holder.java", HOLDER));
        List<String> options = List.of("-d", out.toString(), "-proc:full", "-Awarns", "-processor", StowageChecker.class.getName(),
                "-cp", System.getProperty("java.class.path"));
        try (var fm = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            javac.getTask(null, fm, diagnostics, options, null, files).call();
        }
        List<String> messages = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(d -> d.getKind() + " " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .toList();
        assertEquals(List.of("MANDATORY_WARNING 8: [pointer.stale] pointer 'p' (resolved from 'Holder.LIST' at line 6) used after "
                + "'Holder.LIST.popFront()' at line 7 invalidated it"), messages);
    }

    private static JavaFileObject source(String path, String content) {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return content;
            }
        };
    }

    private static AnalysisResult analyze(List<SourceInput> app) {
        List<SourceInput> all = new ArrayList<>(CheckerHarness.LIBRARY);
        all.addAll(app);
        AnalysisResult result = CheckerHarness.ANALYZER.analyze(all, () -> false);
        List<CompilerMessage> errors = result.compilerMessages().stream()
                .filter(m -> m.severity() == CompilerMessage.Severity.ERROR)
                .toList();
        assertTrue(errors.isEmpty(), () -> "the sources do not compile, or the checker crashed: " + errors);
        return result;
    }
}
