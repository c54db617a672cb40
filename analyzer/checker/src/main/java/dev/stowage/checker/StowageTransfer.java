package dev.stowage.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import java.util.List;
import org.checkerframework.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.dataflow.analysis.RegularTransferResult;
import org.checkerframework.dataflow.analysis.TransferInput;
import org.checkerframework.dataflow.analysis.TransferResult;
import org.checkerframework.dataflow.cfg.UnderlyingAST;
import org.checkerframework.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.dataflow.cfg.node.LocalVariableNode;
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
 * successors.
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
        if (flag.asType().getKind() != javax.lang.model.type.TypeKind.BOOLEAN || !ElementUtils.isEffectivelyFinal(flag)) {
            return visitNode(n, in);
        }
        StowageStore s = in.getRegularStore();
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
        if (!tracking.changesFacts(TreeUtils.elementFromUse(tree))) {
            return new RegularTransferResult<>(null, in.getRegularStore());
        }
        StowageStore s = in.getRegularStore().copy();
        // A constructor may invalidate a store it is given (@Invalidates("#1")).
        tracking.applyCall(tree, TreeUtils.elementFromUse(tree), null, tree.getArguments(), s);
        return new RegularTransferResult<>(null, s);
    }

    @Override
    public TransferResult<StowageValue, StowageStore> visitAssignment(
            AssignmentNode n, TransferInput<StowageValue, StowageStore> in) {
        if (!(n.getTarget() instanceof LocalVariableNode target)) {
            return new RegularTransferResult<>(null, in.getRegularStore());
        }
        StowageStore s = in.getRegularStore().copy();
        var local = target.getElement();
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
