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
import org.checkerframework.dataflow.cfg.builder.CFGTranslationPhaseOne;
import org.checkerframework.dataflow.cfg.builder.CFGTranslationPhaseThree;
import org.checkerframework.dataflow.cfg.builder.CFGTranslationPhaseTwo;
import org.checkerframework.javacutil.BasicAnnotationProvider;
import org.checkerframework.javacutil.trees.TreeBuilder;

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
            ControlFlowGraph cfg = buildCfg(next.bodyPath, next.ast);
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

    /** The types phase one looks up, per compilation (type mirrors belong to one compilation). */
    private final Map<Class<?>, javax.lang.model.type.TypeMirror> typeCache = new java.util.HashMap<>();

    /** Hands {@link #typeCache} to the phase-one constructor, which looks its types up before a subclass's fields are set. */
    private static final ThreadLocal<Map<Class<?>, javax.lang.model.type.TypeMirror>> CONSTRUCTING = new ThreadLocal<>();

    /**
     * The framework's {@code CFGBuilder.build} (the same three phases, assertions neither assumed
     * enabled nor disabled), except that phase one's type lookups come from {@link #typeCache}:
     * its constructor looks up a dozen exception types by class name for every method and lambda,
     * each a search of every module, which was about a twentieth of the checker's time on store-heavy code.
     */
    private ControlFlowGraph buildCfg(TreePath bodyPath, UnderlyingAST ast) {
        CFGTranslationPhaseOne phaseOne;
        CONSTRUCTING.set(typeCache);
        try {
            phaseOne = new CachedTypesPhaseOne(new TreeBuilder(env), env);
        } finally {
            CONSTRUCTING.remove();
        }
        return CFGTranslationPhaseThree.process(CFGTranslationPhaseTwo.process(phaseOne.process(bodyPath, ast)));
    }

    private static final class CachedTypesPhaseOne extends CFGTranslationPhaseOne {
        private final Map<Class<?>, javax.lang.model.type.TypeMirror> cache;

        CachedTypesPhaseOne(TreeBuilder treeBuilder, ProcessingEnvironment env) {
            super(treeBuilder, new BasicAnnotationProvider(), false, false, env);
            this.cache = CONSTRUCTING.get();
        }

        private Map<Class<?>, javax.lang.model.type.TypeMirror> cache() {
            return cache != null ? cache : CONSTRUCTING.get(); // during the super constructor, cache is not set yet
        }

        @Override
        protected javax.lang.model.type.TypeMirror getTypeMirror(Class<?> clazz) {
            var c = cache();
            javax.lang.model.type.TypeMirror t = c.get(clazz);
            if (t == null) {
                t = super.getTypeMirror(clazz);
                c.put(clazz, t);
            }
            return t;
        }

        @Override
        protected javax.lang.model.type.TypeMirror maybeGetTypeMirror(Class<?> clazz) {
            var c = cache();
            if (c.containsKey(clazz)) {
                return c.get(clazz);
            }
            javax.lang.model.type.TypeMirror t = super.maybeGetTypeMirror(clazz);
            c.put(clazz, t);
            return t;
        }
    }
}
