package dev.stowage.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.dataflow.analysis.RegularTransferResult;
import org.checkerframework.dataflow.analysis.TransferInput;
import org.checkerframework.dataflow.analysis.TransferResult;
import org.checkerframework.dataflow.cfg.UnderlyingAST;
import org.checkerframework.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.dataflow.cfg.node.BooleanLiteralNode;
import org.checkerframework.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.dataflow.cfg.node.MethodAccessNode;
import org.checkerframework.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.dataflow.cfg.node.Node;
import org.checkerframework.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.dataflow.cfg.node.SwitchExpressionNode;
import org.checkerframework.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The transfer function over the framework's control-flow graph. Only calls and assignments to
 * locals change facts; every other node passes the store through. Only the regular successor of a
 * call gets its effect: when a call throws, the store guarantees it changed nothing (the strong
 * exception guarantee), and the analysis passes the store from before the call to exceptional
 * successors. A call to a method whose contract says it never throws ({@code @NeverThrows}) sends an
 * unreachable store to its exceptional successors instead.
 *
 * <p>Unreachable places ({@link StowageStore#unreachable()}) pass through every node unchanged: the
 * branch a boolean local's known literal contradicts, and the exceptional exit of a call that never
 * throws.
 */
final class StowageTransfer extends AbstractNodeVisitor<TransferResult<StowageValue, StowageStore>, TransferInput<StowageValue, StowageStore>>
        implements ForwardTransferFunction<StowageValue, StowageStore> {

    private final Tracking tracking;
    private final StowageStore initial;

    /** @param initial the store a lambda body starts from (the store where the lambda is created), or null for a method */
    StowageTransfer(Tracking tracking, StowageStore initial) {
        this.tracking = tracking;
        this.initial = initial;
    }

    @Override
    public StowageStore initialStore(UnderlyingAST underlyingAST, List<LocalVariableNode> parameters) {
        if (initial == null) {
            return new StowageStore();
        }
        // A lambda may run any number of times, and later: room and keys known where it was created do not hold in it.
        StowageStore s = initial.copy();
        s.replaceFacts(f -> f.withRoom(0).withSymbolicRoom(null).withPresentKeys(java.util.Set.of()));
        s.forgetAllQueries(); // nor do the answers of queries asked before it
        return s;
    }

    @Override
    public TransferResult<StowageValue, StowageStore> visitNode(Node n, TransferInput<StowageValue, StowageStore> in) {
        return new RegularTransferResult<>(null, in.getRegularStore());
    }

    @Override
    public TransferResult<StowageValue, StowageStore> visitMethodInvocation(
            MethodInvocationNode n, TransferInput<StowageValue, StowageStore> in) {
        MethodInvocationTree tree = n.getTree();
        StowageStore before = in.getRegularStore();
        if (before.isDead()) {
            return new RegularTransferResult<>(null, before);
        }
        if (tree != null && tracking.contracts().neverThrows(n.getTarget().getMethod())) {
            return withoutExceptionalExit(n, withQueries(n, tree, visitCall(n, tree, before), before));
        }
        return withQueries(n, tree, visitCall(n, tree, before), before);
    }

    /**
     * A {@code @Query} on a local ({@code x.isReadable()}): each branch knows its answer, and a branch
     * that contradicts an answer known on the path is not taken. Any other call forgets the answers
     * about a local it takes as receiver or argument.
     */
    private TransferResult<StowageValue, StowageStore> withQueries(MethodInvocationNode n, MethodInvocationTree tree,
            TransferResult<StowageValue, StowageStore> result, StowageStore before) {
        if (tree == null || result.containsTwoStores()) {
            return result;
        }
        var method = n.getTarget().getMethod();
        var receiver = Tracking.localOf(TreeUtils.getReceiverTree(tree));
        if (receiver != null && tracking.contracts().isQuery(method)) {
            StowageStore s = result.getRegularStore();
            var key = new StowageStore.Query(receiver, method);
            Boolean known = s.answer(key);
            if (known != null) {
                return known ? new ConditionalTransferResult<>(null, s, StowageStore.unreachable())
                        : new ConditionalTransferResult<>(null, StowageStore.unreachable(), s);
            }
            return new ConditionalTransferResult<>(null, s.assume(key, true), s.assume(key, false));
        }
        if (!result.getRegularStore().hasQueries()) {
            return result;
        }
        StowageStore s = result.getRegularStore();
        List<javax.lang.model.element.VariableElement> named = new java.util.ArrayList<>();
        if (receiver != null) {
            named.add(receiver);
        }
        for (var arg : tree.getArguments()) {
            var local = Tracking.localOf(arg);
            if (local != null) {
                named.add(local);
            }
        }
        if (named.stream().noneMatch(s::knowsQueriesOn)) {
            return result;
        }
        s = s == before ? before.copy() : s;
        for (var local : named) {
            s.forgetQueriesOn(local);
        }
        return new RegularTransferResult<>(null, s);
    }

    /**
     * {@code promise.trySuccess}: the method access before a call, whose only exceptional exit is the
     * NullPointerException of a null receiver. A {@code @NeverThrows} call claims the whole call
     * completes normally, dereference included (a null promise is a bug the NPE itself reports).
     */
    @Override
    public TransferResult<StowageValue, StowageStore> visitMethodAccess(
            MethodAccessNode n, TransferInput<StowageValue, StowageStore> in) {
        TransferResult<StowageValue, StowageStore> regular = visitNode(n, in);
        return in.getRegularStore().isDead() || !tracking.contracts().neverThrows(n.getMethod()) ? regular
                : withoutExceptionalExit(n, regular);
    }

    /** The result, with an unreachable store on each exceptional successor of the node's block. */
    private static TransferResult<StowageValue, StowageStore> withoutExceptionalExit(
            Node n, TransferResult<StowageValue, StowageStore> regular) {
        if (!(n.getBlock() instanceof ExceptionBlock block) || block.getExceptionalSuccessors().isEmpty()) {
            return regular;
        }
        // No exceptional exit: the catch or finally reached only if this call threw is not reached from here.
        Map<TypeMirror, StowageStore> none = new HashMap<>();
        for (TypeMirror cause : block.getExceptionalSuccessors().keySet()) {
            none.put(cause, StowageStore.unreachable());
        }
        return regular.containsTwoStores()
                ? new ConditionalTransferResult<>(null, regular.getThenStore(), regular.getElseStore(), none)
                : new RegularTransferResult<>(null, regular.getRegularStore(), none);
    }

    private TransferResult<StowageValue, StowageStore> visitCall(MethodInvocationNode n, MethodInvocationTree tree, StowageStore before) {
        if (tree == null || (!tracking.changesFacts(n.getTarget().getMethod()) && !before.hasTemporaries()
                && !tracking.mayBeStaleTemporary(n.getTreePath()))) {
            return new RegularTransferResult<>(null, before); // most calls: nothing to change, no copy
        }
        StowageStore s = before.copy();
        {
            // A call invalidates what its @Invalidates says, on the object its receiver or argument denotes.
            tracking.applyCall(tree, n.getTreePath(), n.getTarget().getMethod(), TreeUtils.getReceiverTree(tree), tree.getArguments(), s);
            // Temporaries this call consumed (its receiver and arguments) are gone; its own result may be one.
            Tracking.consumeTemporaries(tree, s);
            if (tracking.mayBeStaleTemporary(n.getTreePath())) {
                Fact f = tracking.valueFact(tree, s);
                if (f != null && f.kind() == Fact.Kind.POINTER) {
                    s.putTemporary(tree, f);
                }
            }
            int[] test = tracking.contracts().presenceTest(n.getTarget().getMethod());
            if (test.length == 2) {
                // A membership test: on the branch of its result that says so, the key is present.
                StowageStore present = s.copy();
                tracking.assumePresent(tree, test[0], present);
                return test[1] == 1 ? new ConditionalTransferResult<>(null, present, s) : new ConditionalTransferResult<>(null, s, present);
            }
        }
        return new RegularTransferResult<>(null, s);
    }

    /**
     * An effectively final {@code boolean} local read as a condition: each branch knows its value,
     * so that what is made stale under it can be told apart from what is re-resolved under it.
     */
    @Override
    public TransferResult<StowageValue, StowageStore> visitLocalVariable(
            LocalVariableNode n, TransferInput<StowageValue, StowageStore> in) {
        var flag = n.getElement();
        StowageStore s = in.getRegularStore();
        if (flag.asType().getKind() != javax.lang.model.type.TypeKind.BOOLEAN || s.isDead()) {
            return visitNode(n, in);
        }
        if (!ElementUtils.isEffectivelyFinal(flag)) {
            // A reassignable flag whose literal is known here: the branch that contradicts it is not taken.
            Boolean known = s.constant(flag);
            if (known == null) {
                return visitNode(n, in);
            }
            return known ? new ConditionalTransferResult<>(null, s, StowageStore.unreachable())
                    : new ConditionalTransferResult<>(null, StowageStore.unreachable(), s);
        }
        return new ConditionalTransferResult<>(null, s.assume(flag, true), s.assume(flag, false));
    }

    /** {@code !c}: the branches of {@code c}, swapped. */
    @Override
    public TransferResult<StowageValue, StowageStore> visitConditionalNot(
            ConditionalNotNode n, TransferInput<StowageValue, StowageStore> in) {
        if (!in.containsTwoStores()) {
            return visitNode(n, in);
        }
        return new ConditionalTransferResult<>(null, in.getElseStore(), in.getThenStore());
    }

    @Override
    public TransferResult<StowageValue, StowageStore> visitObjectCreation(
            ObjectCreationNode n, TransferInput<StowageValue, StowageStore> in) {
        NewClassTree tree = n.getTree();
        StowageStore before = in.getRegularStore();
        if (before.isDead()) {
            return new RegularTransferResult<>(null, before);
        }
        StowageStore s = null;
        if (before.hasQueries()) {
            // An object created from a local may change it (a constructor that reads the buffer): forget its answers.
            for (var arg : tree.getArguments()) {
                var local = Tracking.localOf(arg);
                if (local != null && before.knowsQueriesOn(local)) {
                    s = s == null ? before.copy() : s;
                    s.forgetQueriesOn(local);
                }
            }
        }
        if (!tracking.changesFacts(TreeUtils.elementFromUse(tree))) {
            return new RegularTransferResult<>(null, s == null ? before : s);
        }
        s = s == null ? before.copy() : s;
        // A constructor may invalidate a store it is given (@Invalidates("#1")).
        tracking.applyCall(tree, TreeUtils.elementFromUse(tree), null, tree.getArguments(), s);
        return new RegularTransferResult<>(null, s);
    }

    @Override
    public TransferResult<StowageValue, StowageStore> visitAssignment(
            AssignmentNode n, TransferInput<StowageValue, StowageStore> in) {
        if (!(n.getTarget() instanceof LocalVariableNode target) || in.getRegularStore().isDead()) {
            return new RegularTransferResult<>(null, in.getRegularStore());
        }
        StowageStore s = in.getRegularStore().copy();
        var local = target.getElement();
        if (local.asType().getKind() == javax.lang.model.type.TypeKind.BOOLEAN && !ElementUtils.isEffectivelyFinal(local)) {
            // The success flag: remember a literal, forget anything else (a compound assignment included).
            s.setConstant(local, n.getExpression() instanceof BooleanLiteralNode b ? b.getValue() : null);
        }
        s.forgetQueriesOn(local); // a new object in the local: what was known of the old one is not of it
        Node expression = n.getExpression();
        var rhs = expression.getTree();
        // A ternary or switch expression's value is its synthetic variable, assigned in each branch's own store.
        var synthetic = expression instanceof TernaryExpressionNode t ? t.getTernaryExpressionVar().getElement()
                : expression instanceof SwitchExpressionNode sw ? sw.getSwitchExpressionVar().getElement()
                : null;
        Fact f = synthetic != null ? s.fact(synthetic) : rhs instanceof ExpressionTree e ? tracking.valueFact(e, s) : null;
        if (f == null) {
            s.remove(local); // the local now holds something untracked
        } else {
            s.put(local, f);
            var source = Tracking.localOf(rhs instanceof ExpressionTree e ? e : null);
            if (source != null && s.fact(source) == null && f.kind() == Fact.Kind.OBJECT) {
                s.put(source, f); // t = s: both names now share one fact, so closing either closes both
            }
        }
        return new RegularTransferResult<>(null, s);
    }
}
