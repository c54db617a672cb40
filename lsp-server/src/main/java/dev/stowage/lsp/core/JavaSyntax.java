package dev.stowage.lsp.core;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.stowage.checker.engine.CompilerMessage;
import dev.stowage.checker.api.SourceRange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Parses a Java text with javac's parser only (no attribution, no checker): a few milliseconds,
 * used for the syntax-error fast path and for the method structure that incremental analysis needs.
 * Uses only javac's public API ({@code com.sun.source}), so it needs no JVM flags.
 */
public final class JavaSyntax {

    /** A method with a body, outside any other method: the unit incremental analysis reuses. */
    public record MethodBody(String key, int declarationStart, int declarationEnd, int bodyStart, int bodyEnd) {}

    /**
     * What parsing found.
     *
     * @param syntaxErrors javac's parse errors (empty when the text parses)
     * @param methods methods with bodies, in source order; constructors and initialisers are not listed
     */
    public record Outline(List<CompilerMessage> syntaxErrors, List<MethodBody> methods) {
        public boolean parses() {
            return syntaxErrors.isEmpty();
        }
    }

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT, null);

    /** Parses the text given under a path (javac wants a name ending in {@code .java}). */
    public synchronized Outline parse(String path, String text) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new InMemorySource(path, text);
        JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostics,
                List.of("-proc:none", "-Xlint:none", "-XDshould-stop.at=ATTR"), null, List.of(file));
        List<MethodBody> methods = new ArrayList<>();
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : units) {
                for (Tree type : unit.getTypeDecls()) collectMethods(unit, positions, type, "", methods);
            }
        } catch (IOException | RuntimeException e) {
            return new Outline(List.of(new CompilerMessage(CompilerMessage.Severity.ERROR,
                    "the text could not be parsed: " + e, null)), List.of());
        }
        List<CompilerMessage> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            errors.add(new CompilerMessage(CompilerMessage.Severity.ERROR, d.getMessage(Locale.ROOT), rangeOf(path, text, d)));
        }
        return new Outline(errors, methods);
    }

    private static void collectMethods(CompilationUnitTree unit, SourcePositions positions, Tree tree, String owner, List<MethodBody> out) {
        if (!(tree instanceof ClassTree type)) return;
        String name = owner.isEmpty() ? type.getSimpleName().toString() : owner + "." + type.getSimpleName();
        int ordinal = 0;
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree) {
                collectMethods(unit, positions, member, name, out);
            } else if (member instanceof MethodTree method && method.getBody() != null
                    && !method.getName().contentEquals("<init>")) {
                int start = (int) positions.getStartPosition(unit, method);
                int end = (int) positions.getEndPosition(unit, method);
                int bodyStart = (int) positions.getStartPosition(unit, method.getBody());
                int bodyEnd = (int) positions.getEndPosition(unit, method.getBody());
                if (start < 0 || end < 0 || bodyStart < 0 || bodyEnd < 0) continue;
                String key = name + "#" + method.getName() + "/" + method.getParameters().size() + "/" + (ordinal++);
                out.add(new MethodBody(key, start, end, bodyStart, bodyEnd));
            }
        }
    }

    static SourceRange rangeOf(String path, String text, Diagnostic<?> d) {
        if (d.getPosition() == Diagnostic.NOPOS) return null;
        int start = (int) Math.max(0, Math.min(d.getStartPosition() == Diagnostic.NOPOS ? d.getPosition() : d.getStartPosition(), text.length()));
        int end = (int) Math.max(start, Math.min(d.getEndPosition() == Diagnostic.NOPOS ? d.getPosition() : d.getEndPosition(), text.length()));
        LineMap lines = new LineMap(text);
        return new SourceRange(path, lines.lineOf(start) + 1, lines.characterOf(start) + 1,
                lines.lineOf(end) + 1, lines.characterOf(end) + 1, start, end);
    }

    /** A source held in memory under a path. */
    static final class InMemorySource extends SimpleJavaFileObject {
        private final String text;

        InMemorySource(String path, String text) {
            super(toUri(path), Kind.SOURCE);
            this.text = text;
        }

        private static URI toUri(String path) {
            String name = path.replace('\\', '/');
            if (!name.endsWith(".java")) name = name + ".java";
            try {
                return new URI("mem", null, "/" + name.replaceAll("^/+", ""), null);
            } catch (java.net.URISyntaxException e) {
                return URI.create("mem:///Unnamed.java");
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
