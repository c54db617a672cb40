package dev.stowage.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.stowage.checker.api.Finding;
import java.net.URI;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.checkerframework.framework.source.SourceChecker;
import org.checkerframework.framework.source.SourceVisitor;

/**
 * The Stowage checker: finds stale handles and pointers, closed and moved stores, boxes and
 * collections, foreign handles, leaks from unpinned stores, escaping pointers and undeclared
 * invalidation, from the contracts of {@code dev.stowage.qual} (docs/rules/README.md).
 *
 * <pre>{@code
 * javac -processor dev.stowage.checker.StowageChecker -cp stowage-qual.jar:... Foo.java
 * }</pre>
 *
 * <p>Run from javac it reports ordinary diagnostics ({@code error: [pointer.stale] ...}). The
 * in-process engine ({@code StowageAnalyzer}) instead collects each
 * finding as data through {@link #collectFindings}, so the gate and the language server never
 * parse message text. Suppress with {@code @SuppressWarnings("stowage:<key>")} or
 * {@code @SuppressWarnings("stowage")}. A compilation unit that names no type with store contracts
 * is skipped before any dataflow.
 *
 * <p>Contracts also come from stub files: the bundled library models (the JDK's
 * {@code java.lang.foreign} always; others when their library is on the classpath) and the user's
 * own, {@code -Astubs=path/a.astub:path/dir}. A stub entry that matches nothing is a warning
 * ({@code -AstubUnmatched=error|warning|ignore}); the bundled models' entries are matched when
 * their type is first used ({@code -AstubCheck=all}: all of them up front).
 */
public class StowageChecker extends SourceChecker {

    private Consumer<Finding> findingSink;
    private Function<URI, String> pathOfUri = URI::getPath;
    private BooleanSupplier cancelled = () -> false;
    private final Map<CompilationUnitTree, Boolean> relevantUnits = new IdentityHashMap<>();
    private Relevance relevance;

    /** Thrown out of the compilation when the engine's cancel check says so. */
    public static final class AnalysisCancelledException extends RuntimeException {
        public AnalysisCancelledException() {
            super("Stowage analysis cancelled", null, false, false);
        }
    }

    /**
     * Engine mode: findings go to {@code sink} as data instead of javac diagnostics; {@code pathOf}
     * names each source as the caller gave it; {@code cancelled} is polled between classes.
     */
    public void collectFindings(Consumer<Finding> sink, Function<URI, String> pathOf, BooleanSupplier cancelled) {
        this.findingSink = sink;
        this.pathOfUri = pathOf;
        this.cancelled = cancelled;
    }

    @Override
    public void typeProcess(TypeElement element, TreePath tree) {
        throwIfCancelled();
        CompilationUnitTree unit = tree.getCompilationUnit();
        if (probe != null && !probe.path().equals(pathOf(unit))) {
            return; // probing one place: the other files only give their declarations
        }
        if (!relevantUnits.computeIfAbsent(unit, u -> relevance().mentionsContracts(u))) {
            return; // ordinary Java: nothing to find, so no type checking and no dataflow
        }
        super.typeProcess(element, tree);
        // The framework catches what the visitor throws (a cancellation from throwIfCancelled too) and
        // goes on: stop here, outside its catch.
        throwIfCancelled();
    }

    /** Called by the visitor before each method: ends the compilation when the engine's cancel check says so. */
    void throwIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new AnalysisCancelledException();
        }
    }

    private StoreContracts contracts;

    /** The framework creates its tree-path cache lazily but clears it here: make sure it exists. */
    @Override
    public void setRoot(CompilationUnitTree newRoot) {
        getTreePathCacher();
        super.setRoot(newRoot);
    }

    @Override
    protected SourceVisitor<?, ?> createSourceVisitor() {
        return new StowageVisitor(this);
    }

    /** The option naming the user's stub files (the Checker Framework's convention): files or directories, path-separated. */
    public static final String STUBS_OPTION = "stubs";

    /** What a stub entry that matches no declaration is: {@code warning} (the default), {@code error} or {@code ignore}. */
    public static final String STUB_UNMATCHED_OPTION = "stubUnmatched";

    /**
     * Which entries of the bundled models are matched against the library: {@code used} (the
     * default) those of each type when the checker first asks about it, so an unmatched entry of a
     * type the code never touches goes unreported; {@code all} every entry up front (slower: each
     * modelled class is read from the classpath), for checking a model against a library version.
     */
    public static final String STUB_CHECK_OPTION = "stubCheck";

    /**
     * Starts parsing the JDK's bundled model on a daemon thread when the checker is made (before
     * javac parses the sources, when the build passes an instance; else at its first round), so that
     * it is parsed (once per JVM) by the time the first class is attributed and the checker first
     * asks about a model type; a compilation that needs it earlier waits for the same parse (the
     * cache computes each model once).
     */
    public StowageChecker() {
        Thread t = new Thread(LibraryModels::preparseBundled, "stowage-models");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public java.util.Set<String> getSupportedOptions() {
        java.util.Set<String> options = new java.util.HashSet<>(super.getSupportedOptions());
        options.add(STUBS_OPTION);
        options.add(STUB_UNMATCHED_OPTION);
        options.add(STUB_CHECK_OPTION);
        return options;
    }

    /**
     * The contract reader of this compilation, shared by the relevance check and the visitor. It
     * reads the bundled library models whose library is on the classpath and the user's stubs
     * ({@code -Astubs=}), and reports what is wrong with them once.
     */
    StoreContracts contracts() {
        if (contracts == null) {
            var env = getProcessingEnvironment();
            LibraryModels models = LibraryModels.load(env.getElementUtils(), env.getTypeUtils(), compiledModule(),
                    getOption(STUBS_OPTION), "all".equals(getOption(STUB_CHECK_OPTION, "used")));
            String unmatched = getOption(STUB_UNMATCHED_OPTION, "warning");
            java.util.function.Consumer<LibraryModels.Problem> report = problem -> {
                Diagnostic.Kind kind = problem.error() || unmatched.equals("error") ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
                if (problem.error() || !unmatched.equals("ignore")) {
                    env.getMessager().printMessage(kind, "[stowage] stub " + problem);
                }
            };
            models.problems().forEach(report);
            models.onLateProblem(report); // a bundled model's type is read when first used (LibraryModels.Lazy)
            contracts = new StoreContracts(env.getElementUtils(), env.getTypeUtils(), models);
        }
        return contracts;
    }

    /**
     * The module the compiled code is in, as javac resolves its names: the unnamed module for a
     * classpath compilation (the system modules plus the unnamed one: nothing else is in the module
     * graph). Null otherwise (a module path, source modules, or {@code --release 8}): names are then
     * looked up in every module, javac's general search.
     */
    private javax.lang.model.element.ModuleElement compiledModule() {
        var elements = getProcessingEnvironment().getElementUtils();
        var unnamed = elements.getModuleElement("");
        if (unnamed == null || !unnamed.isUnnamed()) {
            return null;
        }
        for (var module : elements.getAllModuleElements()) {
            String name = module.getQualifiedName().toString();
            if (!module.isUnnamed() && !name.startsWith("java.") && !name.startsWith("jdk.")) {
                return null;
            }
        }
        return unnamed;
    }

    Relevance relevance() {
        if (relevance == null) {
            relevance = new Relevance(contracts(), Trees.instance(getProcessingEnvironment()));
        }
        return relevance;
    }

    /** A request for the facts at one place ({@code StowageAnalyzer.factsAt}): only that file's method there is analysed. */
    record Probe(String path, int offset, Consumer<dev.stowage.checker.api.ValueFacts> sink) {}

    private Probe probe;

    /** Engine mode, for the facts at one place instead of findings. */
    public void probeAt(String path, int offset, Consumer<dev.stowage.checker.api.ValueFacts> sink) {
        this.probe = new Probe(path, offset, sink);
    }

    Probe probe() {
        return probe;
    }

    /** True in engine mode: findings are data, with their enclosing member and fixes. */
    boolean collectsFindings() {
        return findingSink != null;
    }

    /** Reports a finding unless a {@code @SuppressWarnings} covers it. */
    void reportFinding(Tree tree, Finding finding) {
        if (shouldSuppressWarnings(tree, finding.key())) {
            return;
        }
        if (findingSink != null) {
            findingSink.accept(finding);
        } else {
            reportError(tree, finding.key(), finding.message());
        }
    }

    String pathOf(CompilationUnitTree root) {
        return pathOfUri.apply(root.getSourceFile().toUri());
    }
}
