package dev.stowage.checker;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import dev.stowage.checker.Fact.Kind;
import dev.stowage.checker.Fact.Status;
import dev.stowage.checker.OwnerRef.Origin;
import dev.stowage.checker.StoreContracts.Contract;
import dev.stowage.checker.StoreContracts.Invalidation;
import dev.stowage.checker.api.Rule;
import dev.stowage.checker.api.Finding;
import dev.stowage.checker.api.Fix;
import dev.stowage.checker.api.Message;
import dev.stowage.checker.api.Template;
import dev.stowage.checker.api.RelatedLocation;
import dev.stowage.checker.api.SourceRange;
import dev.stowage.qual.Invalidates.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.type.TypeKind;
import org.checkerframework.dataflow.analysis.AnalysisResult;
import org.checkerframework.framework.source.SourceVisitor;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.javacutil.TreePathUtil;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Drives the analysis: runs the flow analysis on each method and lambda body ({@link StowageAnalysis})
 * before the method is scanned, keeps its facts, and hands each tree to the rules
 * ({@link StowageRules}), which report findings worded by {@link Wording} with places from
 * {@link SourceText}. It also answers a probe for the facts at one place (hover).
 */
public class StowageVisitor extends SourceVisitor<Void, Void> {

    private final StowageChecker checker;
    private final Tracking tracking;
    private final StowageAnalysis analysis;
    private final SourcePositions positions;
    private final Map<Tree, AnalysisResult<StowageValue, StowageStore>> results = new IdentityHashMap<>();
    private final StowageStore empty = new StowageStore();
    private final StowageRules rules;
    private SourceText src;
    private Fixes fixes;
    private Wording wording;
    private final FlowNeed flowNeed;
    /** Methods whose analysis was skipped because it would find no fact anywhere in them (and in their lambdas). */
    private final java.util.Set<Tree> factFree = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    public StowageVisitor(StowageChecker checker) {
        super(checker);
        this.checker = checker;
        this.tracking = new Tracking(checker.contracts(), e -> trees.getTree(e));
        this.analysis = new StowageAnalysis(tracking, checker.getProcessingEnvironment());
        this.positions = trees.getSourcePositions();
        this.rules = new StowageRules(this, checker, tracking);
        this.flowNeed = new FlowNeed(tracking);
    }

    // ---- what the rules need of the current place

    SourceText src() {
        return src;
    }

    Fixes fixes() {
        return fixes;
    }

    Wording wording() {
        return wording;
    }

    TreePath currentPath() {
        return getCurrentPath();
    }

    private Tracking tracking() {
        return tracking;
    }

    private StoreContracts contracts() {
        return tracking.contracts();
    }

    @Override
    public void setRoot(CompilationUnitTree newRoot) {
        super.setRoot(newRoot);
        results.clear();
        src = new SourceText(newRoot, positions, checker.pathOf(newRoot));
        fixes = new Fixes(src, contracts(), checker.getProcessingEnvironment().getElementUtils());
        wording = new Wording(src, contracts());
        factFree.clear();
    }

    /** Analyzes each method (and the lambdas in it) before its body is scanned for uses. */
    @Override
    public Void visitMethod(MethodTree tree, Void p) {
        checker.throwIfCancelled(); // a large class is many methods: stop between them, not only between classes
        StowageChecker.Probe probe = checker.probe();
        if (probe != null && (src.startOf(tree) > probe.offset() || src.endOf(tree) < probe.offset())) {
            return null; // probing another method's place: this one needs neither analysis nor checks
        }
        if (tree.getBody() != null && checker.relevance().mentionsContracts(root, tree)) {
            if (flowNeed.needsFlow(tree.getBody())) {
                ClassTree enclosingClass = TreePathUtil.enclosingClass(getCurrentPath());
                results.putAll(analysis.analyzeMethod(getCurrentPath(), enclosingClass));
            } else {
                factFree.add(tree); // the analysis would find the empty store everywhere (FlowNeed)
            }
        }
        return super.visitMethod(tree, p);
    }

    /** The facts before a tree, from the analysis of the method or lambda body that contains it. */
    StowageStore storeBefore(Tree tree) {
        Tree enclosing = TreePathUtil.enclosingMethodOrLambda(getCurrentPath());
        var result = enclosing == null ? null : results.get(enclosing);
        if (result == null && enclosing != null && !factFree.isEmpty()) {
            for (TreePath path = getCurrentPath(); path != null && !(path.getLeaf() instanceof ClassTree); path = path.getParentPath()) {
                if (path.getLeaf() instanceof MethodTree method) {
                    return factFree.contains(method) ? empty : null; // the method or one of its lambdas
                }
            }
        }
        return result == null ? null : result.getStoreBefore(tree);
    }

    /**
     * The facts of the variable at the probed place: before a use, after a declaration (hovering a
     * declaration shows what it was initialised with).
     */
    private void probe(Tree at, Element element, String name, StowageChecker.Probe probe) {
        if (!(element instanceof VariableElement v) || (v.getKind() != ElementKind.LOCAL_VARIABLE && v.getKind() != ElementKind.PARAMETER
                && v.getKind() != ElementKind.RESOURCE_VARIABLE && v.getKind() != ElementKind.FIELD)) {
            return;
        }
        Tree enclosing = TreePathUtil.enclosingMethodOrLambda(getCurrentPath());
        var result = enclosing == null ? null : results.get(enclosing);
        StowageStore s = result == null ? null : at instanceof VariableTree ? result.getStoreAfter(at) : result.getStoreBefore(at);
        Fact f = s == null ? null : s.fact(v);
        TypeMirror type = v.asType();
        dev.stowage.checker.api.ValueFacts.Kind kind;
        if (f != null && f.kind() == Kind.HANDLE) {
            kind = dev.stowage.checker.api.ValueFacts.Kind.HANDLE;
        } else if (f != null && f.kind() == Kind.POINTER) {
            kind = dev.stowage.checker.api.ValueFacts.Kind.POINTER;
        } else if ((f == null || f.kind() == Kind.OBJECT) && contracts().isContractType(type)) {
            kind = contracts().isStoreLike(type) ? dev.stowage.checker.api.ValueFacts.Kind.STORE : dev.stowage.checker.api.ValueFacts.Kind.OBJECT;
        } else {
            return; // nothing Stowage knows of
        }
        boolean object = kind == dev.stowage.checker.api.ValueFacts.Kind.STORE || kind == dev.stowage.checker.api.ValueFacts.Kind.OBJECT;
        String guarantees = object ? (f != null ? f.quals().join(contracts().qualsOf(type)) : contracts().qualsOf(type)).toString() : "";
        var te = StoreContracts.typeElement(type);
        String typeName = te != null ? te.getSimpleName().toString() : type.toString();
        dev.stowage.checker.api.ValueFacts.Origin origin = null;
        if (f != null && f.origin() instanceof MethodInvocationTree call && src.hasPosition(call)) {
            String owner = wording.ownerText(call);
            origin = new dev.stowage.checker.api.ValueFacts.Origin(owner == null ? "this" : owner, src.text(call), src.range(call));
        }
        Rule stale = null;
        dev.stowage.checker.api.ValueFacts.Cause cause = null;
        if (f != null && !f.isLive()) {
            stale = switch (f.kind()) {
                case HANDLE -> Rule.HANDLE_STALE;
                case POINTER -> Rule.POINTER_STALE;
                default -> f.status() == Status.MOVED ? Rule.USE_AFTER_MOVE : Rule.STORE_CLOSED;
            };
            if (f.cause() != null) {
                String effect = switch (f.kind()) {
                    case HANDLE -> Wording.handlePhrase(f);
                    case POINTER -> Wording.pointerPhrase(f);
                    default -> f.status() == Status.MOVED ? "moved it" : "closed it";
                };
                cause = new dev.stowage.checker.api.ValueFacts.Cause(src.callText(f.cause()), src.hasPosition(f.cause()) ? src.range(f.cause()) : null, effect);
            }
        }
        probe.sink().accept(new dev.stowage.checker.api.ValueFacts(name, kind, typeName, guarantees, origin, stale, cause));
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void p) {
        rules.onMethodInvocation(tree);
        return super.visitMethodInvocation(tree, p);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void p) {
        rules.onNewClass(tree);
        return super.visitNewClass(tree, p);
    }

    @Override
    public Void visitReturn(ReturnTree tree, Void p) {
        rules.onReturn(tree);
        return super.visitReturn(tree, p);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void p) {
        rules.onAssignment(tree);
        return super.visitAssignment(tree, p);
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void p) {
        StowageChecker.Probe probe = checker.probe();
        if (probe != null && src.startOf(tree) <= probe.offset() && probe.offset() <= src.endOf(tree)) {
            probe(tree, TreeUtils.elementFromUse(tree), tree.getName().toString(), probe);
        }
        return super.visitIdentifier(tree, p);
    }

    @Override
    public Void visitVariable(VariableTree tree, Void p) {
        StowageChecker.Probe probe = checker.probe();
        if (probe != null && src.startOf(tree) <= probe.offset() && probe.offset() <= src.endOf(tree)) {
            long name = src.nameOf(tree);
            if (name >= 0 && name <= probe.offset() && probe.offset() <= name + tree.getName().length()) {
                probe(tree, TreeUtils.elementFromDeclaration(tree), tree.getName().toString(), probe);
            }
        }
        rules.onVariable(tree);
        return super.visitVariable(tree, p);
    }

    @Override
    public Void visitNewArray(com.sun.source.tree.NewArrayTree tree, Void p) {
        rules.onNewArray(tree);
        return super.visitNewArray(tree, p);
    }
}
