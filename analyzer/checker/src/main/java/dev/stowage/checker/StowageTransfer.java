package dev.stowage.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import java.util.function.Consumer;
import org.checkerframework.dataflow.analysis.TransferInput;
import org.checkerframework.dataflow.analysis.TransferResult;
import org.checkerframework.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.dataflow.cfg.node.Node;
import org.checkerframework.dataflow.cfg.node.SwitchExpressionNode;
import org.checkerframework.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.framework.flow.CFAbstractTransfer;
import org.checkerframework.framework.flow.CFValue;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The transfer function: the framework's qualifier refinement, then the Stowage facts. Only the
 * regular successor of a call gets its effect: when a call throws, the store guarantees it changed
 * nothing (the strong exception guarantee), and the analysis passes the store from before the call
 * to exceptional successors.
 */
final class StowageTransfer extends CFAbstractTransfer<CFValue, StowageStore, StowageTransfer> {

    private final Tracking tracking;

    StowageTransfer(StowageAnalysis analysis, Tracking tracking) {
        super(analysis);
        this.tracking = tracking;
    }

    @Override
    public TransferResult<CFValue, StowageStore> visitMethodInvocation(
            MethodInvocationNode n, TransferInput<CFValue, StowageStore> in) {
        TransferResult<CFValue, StowageStore> result = super.visitMethodInvocation(n, in);
        MethodInvocationTree tree = n.getTree();
        if (tree != null) {
            // A call invalidates what its @Invalidates says, on the store its receiver or argument denotes.
            forEachStore(result, s -> tracking.applyCall(
                    tree, n.getTarget().getMethod(), TreeUtils.getReceiverTree(tree), tree.getArguments(), s));
        }
        return result;
    }

    @Override
    public TransferResult<CFValue, StowageStore> visitObjectCreation(
            ObjectCreationNode n, TransferInput<CFValue, StowageStore> in) {
        TransferResult<CFValue, StowageStore> result = super.visitObjectCreation(n, in);
        NewClassTree tree = n.getTree();
        // A constructor may invalidate a store it is given (@Invalidates("#1")).
        forEachStore(result, s -> tracking.applyCall(tree, TreeUtils.elementFromUse(tree), null, tree.getArguments(), s));
        return result;
    }

    @Override
    public TransferResult<CFValue, StowageStore> visitAssignment(
            AssignmentNode n, TransferInput<CFValue, StowageStore> in) {
        TransferResult<CFValue, StowageStore> result = super.visitAssignment(n, in);
        if (n.getTarget() instanceof LocalVariableNode target) {
            // The local now holds what the right-hand side denotes: a new handle/pointer/object, a copy, or nothing tracked.
            var local = target.getElement();
            Node expression = n.getExpression();
            var rhs = expression.getTree();
            // A ternary or switch expression's value is its synthetic variable, assigned in each branch's own store.
            var synthetic = expression instanceof TernaryExpressionNode t ? t.getTernaryExpressionVar().getElement()
                    : expression instanceof SwitchExpressionNode sw ? sw.getSwitchExpressionVar().getElement()
                    : null;
            var source = Tracking.localOf(rhs instanceof ExpressionTree e ? e : null);
            forEachStore(result, s -> {
                Fact f = synthetic != null ? s.fact(synthetic)
                        : rhs instanceof ExpressionTree e ? tracking.valueFact(e, s) : null;
                if (f == null) {
                    s.remove(local);
                } else {
                    s.put(local, f);
                    if (source != null && s.fact(source) == null && f.kind() == Fact.Kind.OBJECT) {
                        s.put(source, f); // t = s: both names now share one fact, so closing either closes both
                    }
                }
            });
        }
        return result;
    }

    /** Applies an update to the one regular store, or to both the then and else stores. */
    private static void forEachStore(TransferResult<CFValue, StowageStore> result, Consumer<StowageStore> update) {
        if (result.containsTwoStores()) {
            update.accept(result.getThenStore());
            update.accept(result.getElseStore());
        } else {
            update.accept(result.getRegularStore());
        }
    }
}
