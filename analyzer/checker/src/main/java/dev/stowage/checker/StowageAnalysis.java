package dev.stowage.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import org.checkerframework.dataflow.analysis.AnalysisResult;
import org.checkerframework.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.dataflow.cfg.UnderlyingAST;
import org.checkerframework.dataflow.cfg.builder.CFGBuilder;

/**
 * The Stowage dataflow analysis of one method: the Checker Framework's control-flow graph and
 * forward analysis, with Stowage facts only (no type factory: the facts need none, and skipping the
 * framework's annotated types is what keeps the checker within twice javac's time on store-heavy
 * code). Each lambda body is analyzed afterwards, starting from the facts where it is created.
 */
final class StowageAnalysis {

    private final Tracking tracking;
    private final ProcessingEnvironment env;

    StowageAnalysis(Tracking tracking, ProcessingEnvironment env) {
        this.tracking = tracking;
        this.env = env;
    }

    /** Results for the method and each lambda in it, keyed by the method or lambda tree. */
    Map<Tree, AnalysisResult<StowageValue, StowageStore>> analyzeMethod(TreePath methodPath, ClassTree cls) {
        MethodTree method = (MethodTree) methodPath.getLeaf();
        Map<Tree, AnalysisResult<StowageValue, StowageStore>> results = new IdentityHashMap<>();
        Deque<Pending> work = new ArrayDeque<>();
        work.add(new Pending(new UnderlyingAST.CFGMethod(method, cls), method, null,
                new TreePath(methodPath, method.getBody())));
        while (!work.isEmpty()) {
            Pending next = work.poll();
            // Built from the body's path: looking the body up from the compilation unit would rescan it per method.
            ControlFlowGraph cfg = CFGBuilder.build(next.bodyPath, next.ast, false, false, env);
            var analysis = new ForwardAnalysisImpl<StowageValue, StowageStore, StowageTransfer>(
                    new StowageTransfer(tracking, next.initial));
            analysis.performAnalysis(cfg);
            AnalysisResult<StowageValue, StowageStore> result = analysis.getResult();
            results.put(next.key, result);
            for (LambdaExpressionTree lambda : cfg.getDeclaredLambdas()) {
                StowageStore before = result.getStoreBefore(lambda);
                TreePath lambdaBody = TreePath.getPath(methodPath, lambda.getBody());
                if (lambdaBody == null) {
                    continue;
                }
                work.add(new Pending(new UnderlyingAST.CFGLambda(lambda, cls, method),
                        lambda, before == null ? new StowageStore() : before, lambdaBody));
            }
        }
        return results;
    }

    private record Pending(UnderlyingAST ast, Tree key, StowageStore initial, TreePath bodyPath) {}
}
