package dev.stowage.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.stowage.checker.engine.Finding;
import java.net.URI;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.source.DiagMessage;

/**
 * The Stowage checker: finds stale handles and pointers, closed and moved stores, boxes and
 * collections, foreign handles, leaks from unpinned stores, escaping pointers and undeclared
 * invalidation, from the contracts of {@code dev.stowage.qual} (SPEC §4).
 *
 * <pre>{@code
 * javac -processor dev.stowage.checker.StowageChecker -cp stowage-qual.jar:... Foo.java
 * }</pre>
 *
 * <p>Run from javac it reports ordinary diagnostics ({@code error: [pointer.stale] ...}). The
 * in-process engine ({@link dev.stowage.checker.engine.StowageAnalyzer}) instead collects each
 * finding as data through {@link #collectFindings}, so the gate and the language server never
 * parse message text. Suppress with {@code @SuppressWarnings("stowage:<key>")} or
 * {@code @SuppressWarnings("stowage")}. A compilation unit that names no type with store contracts
 * is skipped before any dataflow.
 */
public class StowageChecker extends BaseTypeChecker {

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
        if (cancelled.getAsBoolean()) {
            throw new AnalysisCancelledException();
        }
        CompilationUnitTree unit = tree.getCompilationUnit();
        if (!relevantUnits.computeIfAbsent(unit, u -> relevance().mentionsContracts(u))) {
            return; // ordinary Java: nothing to find, so no type checking and no dataflow
        }
        super.typeProcess(element, tree);
    }

    private Relevance relevance() {
        if (relevance == null) {
            var env = getProcessingEnvironment();
            relevance = new Relevance(new StoreContracts(env.getElementUtils(), env.getTypeUtils()), Trees.instance(env));
        }
        return relevance;
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

    /**
     * In engine mode, the framework's own diagnostics of this checker (qualifier mismatches such as
     * {@code argument}) become findings too, with the framework's key; other modes print them.
     */
    @Override
    public void reportError(Object source, String messageKey, Object... messageArgs) {
        if (findingSink == null || !(source instanceof Tree tree) || !(visitor instanceof StowageVisitor v)) {
            super.reportError(source, messageKey, messageArgs);
            return;
        }
        DiagMessage d = new DiagMessage(javax.tools.Diagnostic.Kind.ERROR, messageKey, messageArgs);
        if (shouldSuppressWarnings(tree, d.getMessageKey())) {
            return;
        }
        String format = messagesProperties.getProperty(d.getMessageKey());
        Object[] args = d.getArgs().clone();
        for (int i = 0; i < args.length; i++) {
            args[i] = processErrorMessageArg(args[i]);
        }
        String message = format == null ? d.getMessageKey() + " " + java.util.Arrays.toString(args) : String.format(format, args);
        findingSink.accept(new Finding(d.getMessageKey(), message, v.range(tree), java.util.List.of(),
                java.util.List.of(new dev.stowage.checker.engine.FixHint(dev.stowage.checker.engine.FixHint.Kind.SUPPRESS,
                        "Suppress with @SuppressWarnings(\"stowage:" + d.getMessageKey() + "\")",
                        Map.of("suppressKey", Finding.CHECKER_PREFIX + ":" + d.getMessageKey())))));
    }

    String pathOf(CompilationUnitTree root) {
        return pathOfUri.apply(root.getSourceFile().toUri());
    }
}
