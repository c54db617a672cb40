package dev.stowage.checker.engine;

import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.SourceRange;
import dev.stowage.checker.api.ValueFacts;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import dev.stowage.checker.StowageChecker;
import dev.stowage.qual.Invalidates;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The one analysis engine of Stowage: runs javac in this JVM on sources given as text, with the
 * {@link StowageChecker} as an annotation processor instance, and returns its findings as data
 * together with javac's own messages. The language server, the gate and the build all report what
 * this returns, so they agree.
 *
 * <pre>{@code
 * var analyzer = new StowageAnalyzer(new AnalyzerOptions(List.of(runtimeJar), List.of()));
 * AnalysisResult result = analyzer.analyze(List.of(new SourceInput("src/Demo.java", text)), () -> false);
 * result.findings().forEach(f -> System.out.println(f.range() + ": [" + f.key() + "] " + f.message()));
 * }</pre>
 *
 * <p>Nothing is written to disk: javac only parses, attributes and analyzes ({@code analyze()}).
 * An instance holds only its options, so it is thread-safe: concurrent calls run independent
 * compilations (each with its own checker and file manager).
 *
 * <p><b>JVM flags.</b> javac's internals must be open to the checker in the JVM that calls this
 * class: {@link #REQUIRED_JVM_FLAGS}. The constructor checks and says which flags are missing.
 */
public final class StowageAnalyzer {

    /** The flags the JVM running the engine needs (as {@code java} options, without {@code -J}). */
    public static final List<String> REQUIRED_JVM_FLAGS = List.of(
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");

    /**
     * The javac options every analysis runs with, before the caller's: annotation processing on,
     * no lint, no class files for sources found on the source path, and {@code -Aignorejdkastub}:
     * the Checker Framework does not load its annotated JDK, which holds annotations of other type
     * systems only (Stowage ships no JDK stubs); findings are identical with and without it on the
     * whole corpus and the analysis is 2.5-10x faster (docs/benchmarks.md). Being the engine's
     * default, the gate and the language server cannot differ on it. The system property
     * {@code -Dstowage.useJdkAnnotations=true} drops it (for comparing).
     */
    public static final List<String> DEFAULT_JAVAC_OPTIONS = Boolean.getBoolean("stowage.useJdkAnnotations")
            ? List.of("-proc:full", "-Xlint:none", "-implicit:none")
            : List.of("-proc:full", "-Xlint:none", "-implicit:none", "-Aignorejdkastub");

    private final AnalyzerOptions options;
    private final List<Path> classpath;

    public StowageAnalyzer(AnalyzerOptions options) {
        this.options = options;
        checkJvmFlags();
        Set<Path> cp = new LinkedHashSet<>(options.classpath());
        // The code under analysis needs the qualifiers, and javac must see the checker's own qualifiers.
        cp.add(locationOf(Invalidates.class));
        cp.add(locationOf(StowageChecker.class));
        cp.add(locationOf(org.checkerframework.framework.qual.SubtypeOf.class));
        this.classpath = List.copyOf(cp);
    }

    /**
     * Analyzes the sources together (they may refer to each other) against the classpath.
     *
     * @param cancelled polled between classes and compiler phases; when it turns true the analysis
     *     stops and the result says {@link AnalysisResult#cancelled()}
     */
    public AnalysisResult analyze(List<SourceInput> sources, BooleanSupplier cancelled) {
        return run(sources, cancelled, checker -> { });
    }

    /**
     * The facts of the variable at one place: what it holds, where it came from, and whether it is
     * valid there, from the same flow analysis that makes the findings (only the method around the
     * place is analysed). Empty when no variable the checker knows of is there, or when the sources
     * do not compile.
     *
     * <pre>{@code
     * Optional<ValueFacts> facts = analyzer.factsAt(List.of(new SourceInput("src/Demo.java", text)), "src/Demo.java", offset, () -> false);
     * }</pre>
     *
     * @param path the {@link SourceInput#path()} of the file the place is in
     * @param offset a char offset into that file's text (on the variable's name)
     */
    public java.util.Optional<ValueFacts> factsAt(List<SourceInput> sources, String path, int offset, BooleanSupplier cancelled) {
        java.util.concurrent.atomic.AtomicReference<ValueFacts> found = new java.util.concurrent.atomic.AtomicReference<>();
        AnalysisResult result = run(sources, cancelled, checker -> checker.probeAt(path, offset, found::set));
        return result.cancelled() ? java.util.Optional.empty() : java.util.Optional.ofNullable(found.get());
    }

    private AnalysisResult run(List<SourceInput> sources, BooleanSupplier cancelled, java.util.function.Consumer<StowageChecker> setup) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime (java.home=" + System.getProperty("java.home")
                    + "): run the Stowage engine on a JDK 25, not a JRE");
        }
        List<Finding> findings = new ArrayList<>();
        List<CompilerMessage> messages = new ArrayList<>();
        Map<URI, SourceInput> byUri = new HashMap<>();
        List<JavaFileObject> files = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceInput source = sources.get(i);
            if (source == null || source.path() == null || source.content() == null) {
                throw new IllegalArgumentException("source #" + i + " has no path or no content: " + source);
            }
            InMemorySource file = new InMemorySource(i, source);
            byUri.put(file.toUri(), source);
            files.add(file);
        }
        if (files.isEmpty()) {
            return new AnalysisResult(List.of(), List.of(), false);
        }
        DiagnosticListener<JavaFileObject> listener = d -> messages.add(toMessage(d, byUri));
        AtomicBoolean stopped = new AtomicBoolean();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(listener, Locale.ROOT, StandardCharsets.UTF_8)) {
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            List<String> javacOptions = new ArrayList<>(DEFAULT_JAVAC_OPTIONS);
            javacOptions.addAll(options.javacOptions());
            JavacTask task = (JavacTask) compiler.getTask(null, fileManager, listener, javacOptions, null, files);
            StowageChecker checker = new StowageChecker();
            setup.accept(checker);
            checker.collectFindings(findings::add, uri -> {
                SourceInput s = byUri.get(uri);
                return s != null ? s.path() : uri.getPath();
            }, () -> {
                if (cancelled.getAsBoolean()) {
                    stopped.set(true);
                }
                return stopped.get();
            });
            task.setProcessors(List.of(checker));
            task.addTaskListener(new TaskListener() {
                @Override
                public void started(TaskEvent e) {
                    if (cancelled.getAsBoolean()) {
                        stopped.set(true);
                        throw new StowageChecker.AnalysisCancelledException();
                    }
                }
            });
            task.analyze();
        } catch (RuntimeException e) {
            if (!stopped.get()) {
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("javac's file manager failed: " + e.getMessage(), e);
        }
        if (stopped.get()) {
            return new AnalysisResult(findings, messages, true);
        }
        findings.sort(Comparator.comparing((Finding f) -> f.range().file())
                .thenComparingInt(f -> f.range().startOffset())
                .thenComparing(Finding::key));
        return new AnalysisResult(findings, messages, false);
    }

    private static CompilerMessage toMessage(Diagnostic<? extends JavaFileObject> d, Map<URI, SourceInput> byUri) {
        CompilerMessage.Severity severity = switch (d.getKind()) {
            case ERROR -> CompilerMessage.Severity.ERROR;
            case WARNING, MANDATORY_WARNING -> CompilerMessage.Severity.WARNING;
            default -> CompilerMessage.Severity.NOTE;
        };
        SourceRange range = null;
        JavaFileObject file = d.getSource();
        SourceInput source = file == null ? null : byUri.get(file.toUri());
        if (source != null && d.getStartPosition() != Diagnostic.NOPOS) {
            range = rangeOf(source, (int) d.getStartPosition(), (int) Math.max(d.getEndPosition(), d.getStartPosition()));
        } else if (source == null && file != null) {
            range = null;
        }
        return new CompilerMessage(severity, d.getMessage(Locale.ROOT), range);
    }

    /** A range from offsets, with 1-based lines and UTF-16 columns. */
    static SourceRange rangeOf(SourceInput source, int start, int end) {
        String text = source.content();
        start = Math.min(Math.max(0, start), text.length());
        end = Math.min(Math.max(start, end), text.length());
        int[] s = lineAndColumn(text, start);
        int[] e = lineAndColumn(text, end);
        return new SourceRange(source.path(), s[0], s[1], e[0], e[1], start, end);
    }

    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + c.getName() + " was loaded from", e);
        }
    }

    private static void checkJvmFlags() {
        Module compiler = ModuleLayer.boot().findModule("jdk.compiler").orElseThrow(() -> new IllegalStateException(
                "module jdk.compiler is missing: run the Stowage engine on a JDK 25, not a JRE"));
        Module self = StowageAnalyzer.class.getModule();
        List<String> missing = new ArrayList<>();
        for (String flag : REQUIRED_JVM_FLAGS) {
            String pkg = flag.substring(flag.indexOf('/') + 1, flag.indexOf('='  , flag.indexOf('/')));
            boolean ok = flag.startsWith("--add-opens") ? compiler.isOpen(pkg, self) : compiler.isExported(pkg, self);
            if (!ok) {
                missing.add(flag);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Stowage engine runs javac in-process and needs these JVM flags, missing: "
                    + String.join(" ", missing));
        }
    }

    /** A source held in memory; its URI ends in the file's own name so javac's public-class check works. */
    private static final class InMemorySource extends SimpleJavaFileObject {
        private final SourceInput source;

        InMemorySource(int index, SourceInput source) {
            super(uriFor(index, source.path()), Kind.SOURCE);
            this.source = source;
        }

        private static URI uriFor(int index, String path) {
            String name = path.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            if (!name.endsWith(".java")) {
                name = name + ".java";
            }
            try {
                return new URI("stowage-source", null, "/" + index + "/" + name, null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("cannot name source '" + path + "' as a URI", e);
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source.content();
        }

        @Override
        public String toString() {
            return source.path();
        }
    }
}
