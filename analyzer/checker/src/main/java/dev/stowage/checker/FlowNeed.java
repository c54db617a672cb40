package dev.stowage.checker;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Decides whether a method body needs the flow analysis at all (the framework's control-flow graph
 * and fixpoint, about three quarters of the checker's time on code that uses stores).
 *
 * <p>The transfer function ({@link StowageTransfer}) changes the store in two places only: at a call
 * or constructor whose contract changes facts ({@link Tracking#changesFacts}, which includes every
 * {@code @Invalidates}, and so every call that can make a temporary stale), and at an assignment to a
 * local whose value has a fact ({@link Tracking#valueFact}). A body with no fact-changing call, no
 * try-with-resources closing a contract type, and no local that is ever given a fact has the empty
 * store at every point: nothing can be stale, closed, moved, foreign or captured, and every check that
 * reads facts gives the answer it gives on an empty store. So instead of building the graph, the
 * visitor runs its checks on the empty store ({@code StowageVisitor.storeBefore}).
 *
 * <p>The decision is made on the body's tree before any graph exists, so every place where the
 * framework's graph assigns a local is looked at: declarations with an initializer, assignments,
 * the variable of an enhanced {@code for} (assigned {@code iterator.next()} or an array element),
 * pattern bindings (assigned the tested value), resources, and the values a {@code switch} or
 * conditional expression yields (assigned to the framework's synthetic variable). Each value is
 * asked {@link Tracking#valueFact} against the empty store, which is what the analysis would see,
 * since by the same argument no other local has a fact either. When in doubt, the answer is "needs
 * flow" (the analysis then runs as before). Example: a jextract-generated downcall wrapper,
 * {@code var mh$ = foo.HANDLE; return (int) mh$.invokeExact(x);}, needs none.
 */
final class FlowNeed {

    private final Tracking tracking;
    private final StowageStore empty = new StowageStore();

    FlowNeed(Tracking tracking) {
        this.tracking = tracking;
    }

    /** True when the body may give some local a fact or change one, so it must be flow-analyzed. */
    boolean needsFlow(Tree body) {
        try {
            new Scanner().scan(body, null);
        } catch (Needed needed) {
            return true;
        }
        return false;
    }

    /** Thrown to leave the scan at the first reason for flow. */
    private static final class Needed extends RuntimeException {
        Needed() {
            super(null, null, false, false);
        }
    }

    private StoreContracts contracts() {
        return tracking.contracts();
    }

    private void valueMayHaveFact(ExpressionTree value) {
        if (value != null && tracking.valueFact(value, empty) != null) {
            throw new Needed();
        }
    }

    private void typeMayHaveFact(TypeMirror type) {
        if (type != null && contracts().isContractType(type)) {
            throw new Needed();
        }
    }

    private void callMayChangeFacts(ExecutableElement m) {
        if (m != null && tracking.changesFacts(m)) {
            throw new Needed();
        }
    }

    private final class Scanner extends TreeScanner<Void, Void> {

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
            callMayChangeFacts(TreeUtils.elementFromUse(node));
            return super.visitMethodInvocation(node, p);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void p) {
            callMayChangeFacts(TreeUtils.elementFromUse(node));
            return super.visitNewClass(node, p);
        }

        @Override
        public Void visitVariable(VariableTree node, Void p) {
            if (node.getInitializer() != null) {
                valueMayHaveFact(node.getInitializer());
            } else if (TreeUtils.elementFromDeclaration(node) instanceof VariableElement v
                    && v.getKind() != javax.lang.model.element.ElementKind.PARAMETER) {
                // A variable assigned by the graph itself (a binding, an enhanced-for or catch variable):
                // judged by its type here, and by what it is assigned where that is visited. (A lambda's
                // parameter is not assigned in its graph: the lambda starts from the store where it is made.)
                typeMayHaveFact(v.asType());
            }
            return super.visitVariable(node, p);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void p) {
            if (Tracking.localOf(node.getVariable()) != null) {
                valueMayHaveFact(node.getExpression());
            }
            return super.visitAssignment(node, p);
        }

        @Override
        public Void visitTry(TryTree node, Void p) {
            // The graph calls close() on each resource; a resource of a contract type may be closed with effect.
            for (Tree resource : node.getResources()) {
                if (resource instanceof VariableTree vt) {
                    VariableElement v = TreeUtils.elementFromDeclaration(vt);
                    typeMayHaveFact(v == null ? null : v.asType());
                } else if (resource instanceof ExpressionTree et) {
                    typeMayHaveFact(TreeUtils.typeOf(et));
                    valueMayHaveFact(et);
                }
            }
            return super.visitTry(node, p);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void p) {
            TypeMirror iterated = TreeUtils.typeOf(node.getExpression());
            if (iterated != null && iterated.getKind() != TypeKind.ARRAY && elementsMayHaveFacts(iterated)) {
                throw new Needed(); // the variable is assigned iterator.next(), typed by the iterable's element type
            }
            return super.visitEnhancedForLoop(node, p);
        }

        @Override
        public Void visitInstanceOf(InstanceOfTree node, Void p) {
            if (node.getPattern() != null) {
                valueMayHaveFact(node.getExpression()); // a binding is assigned the tested value
            }
            return super.visitInstanceOf(node, p);
        }

        @Override
        public Void visitSwitch(SwitchTree node, Void p) {
            selectorOfPatterns(node.getExpression(), node.getCases());
            return super.visitSwitch(node, p);
        }

        @Override
        public Void visitSwitchExpression(SwitchExpressionTree node, Void p) {
            selectorOfPatterns(node.getExpression(), node.getCases());
            for (CaseTree c : node.getCases()) {
                if (c.getBody() instanceof ExpressionTree value) {
                    valueMayHaveFact(value); // case ... -> value: assigned to the switch's synthetic variable
                }
            }
            return super.visitSwitchExpression(node, p);
        }

        @Override
        public Void visitYield(YieldTree node, Void p) {
            valueMayHaveFact(node.getValue());
            return super.visitYield(node, p);
        }

        private void selectorOfPatterns(ExpressionTree selector, java.util.List<? extends CaseTree> cases) {
            for (CaseTree c : cases) {
                for (var label : c.getLabels()) {
                    if (label instanceof com.sun.source.tree.PatternCaseLabelTree) {
                        valueMayHaveFact(selector);
                        return;
                    }
                }
            }
        }
    }

    /**
     * Whether the values an iterable yields may be of a contract type: its {@code Iterable} element
     * type is asked; when that is not found, yes.
     */
    private boolean elementsMayHaveFacts(TypeMirror iterated) {
        var types = contracts().types();
        Deque<TypeMirror> work = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        work.add(iterated);
        while (!work.isEmpty()) {
            TypeMirror t = work.poll();
            if (t.getKind() == TypeKind.TYPEVAR || t.getKind() == TypeKind.INTERSECTION) {
                TypeElement bound = StoreContracts.typeElement(t);
                if (bound == null) {
                    return true;
                }
                t = bound.asType();
            }
            if (!(t instanceof DeclaredType dt) || !seen.add(t.toString())) {
                continue;
            }
            if (dt.asElement() instanceof TypeElement te && te.getQualifiedName().contentEquals("java.lang.Iterable")) {
                if (dt.getTypeArguments().isEmpty()) {
                    return true; // raw: elements of any type
                }
                TypeMirror element = dt.getTypeArguments().getFirst();
                if (element instanceof javax.lang.model.type.WildcardType w) {
                    element = w.getExtendsBound();
                    if (element == null) {
                        return true; // Iterable<?>: anything
                    }
                }
                return contracts().isContractType(element); // a type variable: by its bound
            }
            work.addAll(types.directSupertypes(t));
        }
        return true;
    }
}
