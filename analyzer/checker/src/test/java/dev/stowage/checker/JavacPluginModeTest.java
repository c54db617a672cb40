package dev.stowage.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.checker.engine.SourceInput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run the way a build runs it ({@code -processor dev.stowage.checker.StowageChecker}), findings are javac errors. */
class JavacPluginModeTest {

    @Test
    void findingsAreJavacErrorsWithTheKeyInBrackets(@TempDir Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> files = new ArrayList<>();
        for (SourceInput s : CheckerHarness.LIBRARY) {
            files.add(source(s.path(), s.content()));
        }
        files.add(source("app/Test.java", EngineTest.STALE_POINTER));
        List<String> options = List.of("-d", out.toString(), "-proc:full",
                "-processor", StowageChecker.class.getName(),
                "-cp", System.getProperty("java.class.path"));
        try (var fm = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, files).call();
            assertTrue(!ok, "a finding fails the compilation");
        }
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("11: [pointer.stale] pointer 'p' (resolved from 'store' at line 9)"), errors::toString);
    }

    private static JavaFileObject source(String path, String content) {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return content;
            }
        };
    }
}
