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
import dev.stowage.checker.engine.Finding;
import dev.stowage.checker.engine.FixHint;
import dev.stowage.checker.engine.RelatedLocation;
import dev.stowage.checker.engine.SourceRange;
import dev.stowage.qual.Invalidates.Effect;
import java.io.IOException;
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
 * Runs the flow analysis on each method and lambda body ({@link StowageAnalysis}) and reports uses
 * of values it found stale (docs/checker-design.md: a method call on it, passing it as an argument, returning it,
 * calling a lambda or local class that captured it), the rules that need no flow facts beyond them
 * (foreign handles, leaks from unpinned stores, escaping pointers, undeclared invalidation), and
 * qualifier mismatches ({@code argument}, {@code assignment}, {@code return}).
 */
public class StowageVisitor extends SourceVisitor<Void, Void> {

    private final StowageChecker checker;
    private final Tracking tracking;
    private final StowageAnalysis analysis;
    private final SourcePositions positions;
    private final Map<Tree, AnalysisResult<StowageValue, StowageStore>> results = new IdentityHashMap<>();
    private final StowageStore empty = new StowageStore();
    private final FlowNeed flowNeed;
    /** Methods whose analysis was skipped because it would find no fact anywhere in them (and in their lambdas). */
    private final java.util.Set<Tree> factFree = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private CompilationUnitTree contentRoot;
    private CharSequence content;

    public StowageVisitor(StowageChecker checker) {
        super(checker);
        this.checker = checker;
        this.tracking = new Tracking(checker.contracts(), e -> trees.getTree(e));
        this.analysis = new StowageAnalysis(tracking, checker.getProcessingEnvironment());
        this.positions = trees.getSourcePositions();
        this.flowNeed = new FlowNeed(tracking);
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
        factFree.clear();
    }

    /** Analyzes each method (and the lambdas in it) before its body is scanned for uses. */
    @Override
    public Void visitMethod(MethodTree tree, Void p) {
        checker.throwIfCancelled(); // a large class is many methods: stop between them, not only between classes
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
    private StowageStore storeBefore(Tree tree) {
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

    // ---------------------------------------------------------------- uses

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void p) {
        StowageStore s = storeBefore(tree);
        ExecutableElement m = TreeUtils.elementFromUse(tree);
        Contract c = contracts().of(m);
        ExpressionTree receiver = TreeUtils.getReceiverTree(tree);
        if (s != null) {
            checkUse(receiver, s, null);
            for (int i = 0; i < tree.getArguments().size(); i++) {
                if (!opaqueArgument(m, c, i, tree.getArguments().get(i), s)) {
                    checkUse(tree.getArguments().get(i), s, null);
                }
            }
            checkClosureCall(receiver, s);
            checkForeignHandles(tree, c, s);
            if (c.leaks()) {
                checkLeak(tree, receiver, s);
            }
        }
        checkUndeclared(tree, m, c, receiver, tree.getArguments(), s);
        checkArguments(tree, m, tree.getArguments(), s);
        if (s != null) {
            checkPointersIntoInvalidated(tree, m, c, receiver, tree.getArguments(), s);
        }
        checkOtherThread(tree, c, tree.getArguments(), s);
        return super.visitMethodInvocation(tree, p);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void p) {
        StowageStore s = storeBefore(tree);
        if (s != null) {
            for (ExpressionTree arg : tree.getArguments()) {
                checkUse(arg, s, null);
            }
        }
        ExecutableElement ctor = TreeUtils.elementFromUse(tree);
        checkUndeclared(tree, ctor, contracts().of(ctor), null, tree.getArguments(), s);
        checkArguments(tree, ctor, tree.getArguments(), s);
        if (s != null) {
            checkPointersIntoInvalidated(tree, ctor, contracts().of(ctor), null, tree.getArguments(), s);
        }
        checkOtherThread(tree, contracts().of(ctor), tree.getArguments(), s);
        return super.visitNewClass(tree, p);
    }

    @Override
    public Void visitReturn(ReturnTree tree, Void p) {
        ExpressionTree expr = tree.getExpression();
        if (expr != null) {
            StowageStore s = storeBefore(tree);
            if (s != null) {
                checkUse(expr, s, null);
            }
            Tree enclosing = TreePathUtil.enclosingMethodOrLambda(getCurrentPath());
            if (enclosing instanceof MethodTree method) {
                ExecutableElement m = TreeUtils.elementFromDeclaration(method);
                checkQualifiers(expr, m.getReturnType(), orEmpty(s), "return",
                        "incompatible types in return from '" + m.getSimpleName() + "'");
                if (!contracts().of(m).resolves()) {
                    Fact f = tracking().valueFact(expr, orEmpty(s));
                    if (f != null && f.kind() == Kind.POINTER && !f.ownerQuals().pinned()) {
                        String closer = f.ownerQuals().scopeChecked() ? closedOnTheWayOut(f, orEmpty(s)) : null;
                        if (closer != null) {
                            reportEscape(expr, f, "is returned from '" + m.getSimpleName() + "', but " + closer);
                        } else if (!f.ownerQuals().scopeChecked()) {
                            reportEscape(expr, f, "is returned from '" + m.getSimpleName()
                                    + "', which is not annotated @Resolves");
                        }
                    }
                }
            }
        }
        return super.visitReturn(tree, p);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void p) {
        ExpressionTree lhs = Tracking.skip(tree.getVariable());
        Element target = TreeUtils.elementFromUse(lhs);
        boolean toField = target != null && target.getKind() == ElementKind.FIELD;
        if (target instanceof VariableElement v) {
            checkQualifiers(tree.getExpression(), v.asType(), tree, "assignment",
                    "incompatible types in assignment to '" + v.getSimpleName() + "'");
        }
        if (toField || lhs.getKind() == Tree.Kind.ARRAY_ACCESS) {
            Fact f = tracking().valueFact(tree.getExpression(), orEmpty(storeBefore(tree)));
            if (f != null && f.kind() == Kind.POINTER && !f.ownerQuals().pinned()) {
                String where = toField ? "escapes to field '" + target.getSimpleName() + "'" : "escapes to an array element";
                String closer = f.ownerQuals().scopeChecked() ? closedOnTheWayOut(f, orEmpty(storeBefore(tree))) : null;
                if (closer != null) {
                    reportEscape(tree.getExpression(), f, where + ", but " + closer);
                } else if (!f.ownerQuals().scopeChecked()) {
                    reportEscape(tree.getExpression(), f, where);
                }
            }
        }
        return super.visitAssignment(tree, p);
    }

    @Override
    public Void visitVariable(VariableTree tree, Void p) {
        Element e = TreeUtils.elementFromDeclaration(tree);
        if (e != null && tree.getInitializer() != null) {
            checkQualifiers(tree.getInitializer(), e.asType(), tree, "assignment",
                    "incompatible types in assignment to '" + e.getSimpleName() + "'");
        }
        if (e != null && e.getKind() == ElementKind.FIELD && tree.getInitializer() != null) {
            Fact f = tracking().valueFact(tree.getInitializer(), orEmpty(null));
            if (f != null && f.kind() == Kind.POINTER && !f.ownerQuals().pinned() && !f.ownerQuals().scopeChecked()) {
                reportEscape(tree.getInitializer(), f, "escapes to field '" + e.getSimpleName() + "'");
            }
        }
        return super.visitVariable(tree, p);
    }

    /**
     * An array initializer ({@code {p}}, {@code new MemorySegment[] {p}}) stores its elements like
     * {@code a[i] = p} does: a pointer put there escapes the facts, which live on locals.
     */
    @Override
    public Void visitNewArray(com.sun.source.tree.NewArrayTree tree, Void p) {
        if (tree.getInitializers() != null) {
            StowageStore s = null;
            for (ExpressionTree element : tree.getInitializers()) {
                if (Tracking.skip(element) instanceof com.sun.source.tree.NewArrayTree) {
                    continue; // a nested initializer is visited on its own
                }
                if (s == null) {
                    s = orEmpty(storeBefore(tree));
                }
                Fact f = tracking().valueFact(element, s);
                if (f != null && f.kind() == Kind.POINTER && !f.ownerQuals().pinned()) {
                    reportEscape(element, f, "escapes to an array element");
                }
            }
        }
        return super.visitNewArray(tree, p);
    }

    private StowageStore orEmpty(StowageStore s) {
        return s != null ? s : empty;
    }

    /**
     * A closed or moved object (a released ByteBuf) passed where the callee sees only an
     * {@code Object} or a type variable ({@code checkNotNull(buf, "buf")}, {@code identityHashCode})
     * reaches no memory without a cast the checker cannot see: not reported as a use, unless the
     * call's own contract names that argument ({@code ctx.write(msg)} takes it over).
     */
    private boolean opaqueArgument(ExecutableElement m, Contract c, int index, ExpressionTree arg, StowageStore s) {
        VariableElement local = Tracking.localOf(arg);
        Fact f = local == null ? null : s.fact(local);
        if (f == null || f.kind() != Kind.OBJECT || f.isLive() || m == null || index >= m.getParameters().size()
                || (m.isVarArgs() && index >= m.getParameters().size() - 1)) {
            return false;
        }
        int position = index + 1;
        if (c.invalidations().stream().anyMatch(inv -> inv.target() == position) || c.resolvesOwner() == position
                || c.derivesFrom() == position || c.issuesOwner() == position) {
            return false;
        }
        TypeMirror declared = m.getParameters().get(index).asType();
        return declared.getKind() == TypeKind.TYPEVAR
                || (declared.getKind() == TypeKind.DECLARED && declared.toString().equals("java.lang.Object"));
    }

    /** A use of a local: reported when its fact says stale, closed or moved. */
    private void checkUse(ExpressionTree expr, StowageStore s, String capturedBy) {
        ExpressionTree unparenthesized = expr == null ? null : TreeUtils.withoutParens(expr);
        if (unparenthesized instanceof com.sun.source.tree.TypeCastTree cast && !contracts().isContractType(TreeUtils.typeOf(cast))) {
            // ((CommandComplete) message).getRows(): seen as a type without contracts, the value is not
            // the released or closed object (a variable reused for messages of several types).
            return;
        }
        VariableElement local = Tracking.localOf(expr);
        if (local == null) {
            // A pointer made earlier in the same expression (receiver, or an earlier argument).
            Fact temporary = expr == null ? null : s.temporary(Tracking.skip(expr));
            if (temporary != null && !temporary.isLive()) {
                reportStale(Tracking.skip(expr), text(Tracking.skip(expr)), temporary, capturedBy);
            }
            return;
        }
        Fact f = s.fact(local);
        if (f == null || f.isLive() || f.kind() == Kind.CLOSURE) {
            return;
        }
        reportStale(Tracking.skip(expr), local.getSimpleName().toString(), f, capturedBy);
    }

    /**
     * A live pointer passed to a call that declares it invalidates the object the pointer points
     * into (another argument, or the receiver): the callee may use the pointer after its own
     * invalidation, where it is stale. Reported at the argument, as {@code pointer.stale}: the
     * callee cannot know, from its parameters, that the two are related.
     */
    private void checkPointersIntoInvalidated(Tree call, ExecutableElement callee, Contract c, ExpressionTree receiver,
            List<? extends ExpressionTree> args, StowageStore s) {
        if (c.invalidations().isEmpty() || callee == null || args.isEmpty()) {
            return;
        }
        boolean instanceCall = callee.getKind() != ElementKind.CONSTRUCTOR
                && !callee.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        for (Invalidation inv : c.invalidations()) {
            ExpressionTree targetExpr;
            if (inv.target() == 0) {
                if (!instanceCall) {
                    continue;
                }
                targetExpr = receiver;
            } else if (inv.target() - 1 < args.size()) {
                targetExpr = args.get(inv.target() - 1);
            } else {
                continue;
            }
            Fact target = null;
            for (int i = 0; i < args.size(); i++) {
                if (i == inv.target() - 1 || reported.contains(i)) {
                    continue;
                }
                ExpressionTree arg = Tracking.skip(args.get(i));
                if (!(arg instanceof IdentifierTree || arg instanceof MethodInvocationTree)) {
                    continue;
                }
                Fact pointer = tracking().valueFact(arg, s);
                if (pointer == null || pointer.kind() != Kind.POINTER || !pointer.isLive()) {
                    continue;
                }
                if (target == null) {
                    target = tracking().objectFact(targetExpr, s);
                }
                if (tracking().effectWouldKill(call, inv, targetExpr, target, pointer, args)) {
                    reported.add(i);
                    VariableElement local = Tracking.localOf(arg);
                    String name = local != null ? local.getSimpleName().toString() : text(arg);
                    String targetText = targetExpr == null ? "this" : text(targetExpr);
                    String message = "pointer '" + name + "'" + originClause(pointer) + " passed to '" + callText(call)
                            + "', which may invalidate '" + targetText + "' that it points into: the callee may use it after that";
                    report(arg, "pointer.stale", message, related(pointer, null), List.of());
                }
            }
        }
    }

    /** Calling a lambda uses what it captured. */
    private void checkClosureCall(ExpressionTree receiver, StowageStore s) {
        VariableElement local = Tracking.localOf(receiver);
        Fact f = local == null ? null : s.fact(local);
        if (f == null || f.kind() != Kind.CLOSURE) {
            return;
        }
        for (VariableElement captured : f.captured()) {
            Fact cf = s.fact(captured);
            if (cf != null && !cf.isLive() && cf.kind() != Kind.CLOSURE) {
                reportStale(Tracking.skip(receiver), captured.getSimpleName().toString(), cf, local.getSimpleName().toString());
            }
        }
    }

    // ---------------------------------------------------------------- qualifiers

    /** Each argument must give the guarantees its parameter's type asks for (varargs are not checked). */
    private void checkArguments(Tree call, ExecutableElement callee, List<? extends ExpressionTree> args, StowageStore s) {
        if (callee == null) {
            return;
        }
        var params = callee.getParameters();
        for (int i = 0; i < args.size() && i < params.size(); i++) {
            if (callee.isVarArgs() && i == params.size() - 1) {
                break;
            }
            checkQualifiers(args.get(i), params.get(i).asType(), orEmpty(s), "argument",
                    "incompatible argument for parameter '" + params.get(i).getSimpleName() + "' of '"
                            + (callee.getKind() == ElementKind.CONSTRUCTOR ? callee.getEnclosingElement().getSimpleName() : callee.getSimpleName())
                            + "'");
        }
    }

    /**
     * The qualifier hierarchies ({@code @Pinned <: @Stable <: none}, {@code @Multiple <: none},
     * {@code @SharedStore <: none}): a value of a contract type flows only where its guarantees
     * include every qualifier written on the target type.
     */
    private void checkQualifiers(ExpressionTree value, TypeMirror target, StowageStore s, String key, String what) {
        checkQualifiers(value, target, s, null, key, what);
    }

    /** As above, with the facts before {@code at} looked up only when a qualifier is required (rarely). */
    private void checkQualifiers(ExpressionTree value, TypeMirror target, Tree at, String key, String what) {
        checkQualifiers(value, target, null, at, key, what);
    }

    private void checkQualifiers(ExpressionTree value, TypeMirror target, StowageStore known, Tree at, String key, String what) {
        if (value == null || target == null || target.getKind() != TypeKind.DECLARED) {
            return;
        }
        Quals required = StoreContracts.fromAnnotations(target.getAnnotationMirrors());
        if (required.equals(Quals.NONE) || !contracts().isContractType(TreeUtils.typeOf(value))) {
            return;
        }
        StowageStore s = known != null ? known : orEmpty(storeBefore(at));
        ExpressionTree v = Tracking.skip(value);
        if (v.getKind() == Tree.Kind.NULL_LITERAL) {
            return;
        }
        Quals found = tracking().objectFact(v, s).quals();
        boolean ok = (!required.pinned() || found.pinned()) && (!required.stable() || found.stable())
                && (!required.multiple() || found.multiple()) && (!required.shared() || found.shared());
        if (!ok) {
            report(value, key, what + ": found " + found + ", required " + required, List.of(), List.of());
        }
    }

    // ---------------------------------------------------------------- rules without flow facts of their own

    /** A handle resolved, freed or grown on a store that definitely did not issue it. */
    private void checkForeignHandles(MethodInvocationTree call, Contract c, StowageStore s) {
        if (c.resolves() && c.resolvesHandle() > 0) {
            checkForeign(call, c.resolvesHandle(), c.resolvesOwner(), s);
        }
        for (Invalidation inv : c.invalidations()) {
            if (inv.handleParam() > 0) {
                checkForeign(call, inv.handleParam(), inv.target(), s);
            }
        }
    }

    private void checkForeign(MethodInvocationTree call, int handlePos, int ownerPos, StowageStore s) {
        ExpressionTree handleExpr = Tracking.argumentOrReceiver(call, handlePos);
        VariableElement local = Tracking.localOf(handleExpr);
        Fact h = local == null ? null : s.fact(local);
        if (h == null || h.kind() != Kind.HANDLE || h.owners().isEmpty()) {
            return;
        }
        ExpressionTree ownerExpr = Tracking.argumentOrReceiver(call, ownerPos);
        Fact owner = tracking().objectFact(ownerExpr, s);
        if (h.ownerQuals().shared() && owner.quals().shared() && !createdHere(h.owners()) && !createdHere(owner.self())) {
            return; // possibly one sharing set; a store made here with new starts a set of its own
        }
        if (tracking().mayAlias(h.owners(), owner.self())) {
            return;
        }
        String name = local.getSimpleName().toString();
        String ownerName = ownerExpr == null ? "this" : text(ownerExpr);
        String message = "handle '" + name + "'" + originClause(h) + " used with '" + ownerName
                + "', a different store that did not issue it";
        report(handleExpr, "handle.foreign", message, related(h, null), List.of());
    }

    private static boolean createdHere(java.util.Set<OwnerRef> refs) {
        return !refs.isEmpty() && refs.stream().allMatch(r -> r.origin() == Origin.FRESH && r.key() instanceof NewClassTree);
    }

    private void checkLeak(MethodInvocationTree call, ExpressionTree receiver, StowageStore s) {
        Fact box = tracking().objectFact(receiver, s);
        if (box.ownerQuals().pinned() || (box.owners().isEmpty() && box.quals().pinned())) {
            return;
        }
        String store = ownerText(box.origin());
        String message = "'" + callText(call) + "' leaks memory of " + (store == null ? "a store" : "'" + store + "'")
                + ", which is not known to be @Pinned: the leaked pointer dies when that store moves its memory or closes";
        String variable = receiver == null ? "this" : text(receiver);
        report(call, "box.leak.unpinned", message, related(box, null),
                List.of(new FixHint(FixHint.Kind.PIN_OR_KEEP_BOX,
                        "Allocate the box in a @Pinned store, or keep the box instead of leaking it",
                        Map.of("variable", variable))));
    }

    private void reportEscape(ExpressionTree expr, Fact pointer, String where) {
        VariableElement local = Tracking.localOf(expr);
        String name = local != null ? "'" + local.getSimpleName() + "'" : "'" + text(expr) + "'";
        String store = ownerText(pointer.origin());
        String message = "pointer " + name + originClause(pointer) + " " + where
                + (pointer.ownerQuals().scopeChecked() ? ": it is dead on arrival"
                        : ", but " + (store == null ? "its store" : "'" + store + "'") + " is not @Pinned");
        report(expr, "pointer.escape", message, related(pointer, null), List.of());
    }

    /**
     * For a pointer leaving the method: the try-with-resources around this point that closes its
     * store on the way out ("the try-with-resources closes 'arena' (line 12) when ..."), or null.
     */
    private String closedOnTheWayOut(Fact pointer, StowageStore s) {
        for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
            Tree t = path.getLeaf();
            if (t instanceof MethodTree || t instanceof com.sun.source.tree.LambdaExpressionTree || t instanceof ClassTree) {
                return null;
            }
            if (t instanceof TryTree tt) {
                for (Tree resource : tt.getResources()) {
                    VariableElement v = resource instanceof VariableTree vt ? TreeUtils.elementFromDeclaration(vt)
                            : resource instanceof ExpressionTree et ? Tracking.localOf(et) : null;
                    Fact rf = v == null ? null : s.fact(v);
                    if (rf != null && rf.kind() == Kind.OBJECT && tracking().mayAlias(rf.self(), pointer.owners())
                            && rf.self().stream().allMatch(r -> pointer.owners().contains(r))) {
                        return "the try-with-resources closes '" + v.getSimpleName() + "' (line " + line(resource)
                                + ") as it leaves";
                    }
                }
            }
        }
        return null;
    }

    /**
     * {@code pointer.thread}: a lambda, method reference or anonymous class handed to another thread
     * ({@code @RunsOnAnotherThread}) uses a pointer of a {@code @Confined} store, or the store
     * itself. Reported at the first use of each such variable inside it, which is where the other
     * thread fails ({@code WrongThreadException}).
     */
    private void checkOtherThread(Tree call, Contract c, List<? extends ExpressionTree> args, StowageStore s) {
        if (c.runsElsewhere() == 0 || c.runsElsewhere() - 1 >= args.size() || s == null) {
            return;
        }
        ExpressionTree task = Tracking.skip(args.get(c.runsElsewhere() - 1));
        Tree body = task;
        VariableElement taskLocal = Tracking.localOf(task);
        if (taskLocal != null) {
            Fact tf = s.fact(taskLocal);
            body = tf != null && tf.kind() == Kind.CLOSURE ? tf.origin() : null;
        } else if (task instanceof NewClassTree nc) {
            body = nc.getClassBody();
        }
        if (body == null) {
            return;
        }
        java.util.Set<VariableElement> reported = new java.util.HashSet<>();
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                VariableElement local = Tracking.localOf(node);
                Fact f = local == null ? null : s.fact(local);
                if (f == null || reported.contains(local)) {
                    return null;
                }
                boolean confined = switch (f.kind()) {
                    case POINTER -> f.ownerQuals().confined();
                    case OBJECT -> f.quals().confined();
                    default -> false;
                };
                if (confined && reported.add(local)) {
                    String what = f.kind() == Kind.POINTER ? "pointer '" + local.getSimpleName() + "'" + originClause(f)
                            : "'" + local.getSimpleName() + "'";
                    String message = what + " belongs to a confined store and is used on another thread: '" + callText(call)
                            + "' at line " + line(call) + " runs this code there (the store's own thread is the only one allowed)";
                    List<RelatedLocation> related = new ArrayList<>(related(f, null));
                    related.add(new RelatedLocation(RelatedLocation.Role.INVALIDATION, range(call), "'" + callText(call)
                            + "' runs it on another thread"));
                    report(node, "pointer.thread", message, related, List.of());
                }
                return null;
            }
        }.scan(body, null);
    }

    /** A body that invalidates its receiver's or a parameter's store must say so. */
    private void checkUndeclared(Tree call, ExecutableElement callee, Contract c, ExpressionTree receiver,
            List<? extends ExpressionTree> args, StowageStore s) {
        if (c.invalidations().isEmpty()) {
            return;
        }
        Tree enclosing = TreePathUtil.enclosingMethodOrLambda(getCurrentPath());
        if (!(enclosing instanceof MethodTree method)) {
            return; // lambdas may never run; field initializers have no caller to tell
        }
        ExecutableElement m = TreeUtils.elementFromDeclaration(method);
        Contract declared = contracts().of(m);
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        for (Invalidation inv : c.invalidations()) {
            ExpressionTree targetExpr;
            if (inv.target() == 0) {
                if (callee.getKind() == ElementKind.CONSTRUCTOR || callee.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
                    continue;
                }
                targetExpr = receiver;
            } else if (inv.target() - 1 < args.size()) {
                targetExpr = args.get(inv.target() - 1);
                if (!tracking().reachesArgument(callee, inv.target(), targetExpr, orEmpty(s))) {
                    continue;
                }
            } else {
                continue;
            }
            Fact target = tracking().objectFact(targetExpr, orEmpty(s));
            if ((inv.effect() == Effect.CLOSE || inv.effect() == Effect.MOVE) && !declared.borrowed().isEmpty()
                    && !(inv.unlessReserved() && target.room() > 0)) {
                int borrowedAt = declaredPosition(target, targetExpr, m);
                if (declared.borrowed().contains(borrowedAt) && reported.add(borrowedAt)) {
                    reportBorrowed(call, m, borrowedAt, inv.effect());
                    continue;
                }
            }
            Effect effect0 = inv.effect();
            if (effect0 == Effect.FREE && inv.handleParam() > 0 && inv.handleParam() - 1 < args.size()
                    && Tracking.issuedHere(Tracking.handleValues(args.get(inv.handleParam() - 1), orEmpty(s)))) {
                effect0 = Effect.ALLOCATE; // freeing a handle issued in this method: callers hold nothing of it
            }
            if (!StoreContracts.invalidatesAnything(effect0, target.quals())) {
                continue;
            }
            if (target.quals().scopeChecked()) {
                continue; // @ScopeChecked: its misuse fails cleanly at run time, so only certain misuse is reported
            }
            int position = declaredPosition(target, targetExpr, m);
            if (position < 0 || (position == 0 && m.getKind() == ElementKind.CONSTRUCTOR) || !reported.add(position)) {
                continue;
            }
            boolean covered = declared.invalidations().stream().anyMatch(d -> d.target() == position);
            if (covered) {
                continue;
            }
            String what = position == 0
                    ? "the receiver's store"
                    : "parameter '" + m.getParameters().get(position - 1).getSimpleName() + "' (#" + position + ")";
            String effect = "Invalidates.Effect." + inv.effect().name();
            String annotation = position == 0
                    ? "@Invalidates(effect = " + effect + ")"
                    : "@Invalidates(value = \"#" + position + "\", effect = " + effect + ")";
            String methodName = m.getKind() == ElementKind.CONSTRUCTOR ? m.getEnclosingElement().getSimpleName().toString() : m.getSimpleName().toString();
            String message = "'" + callText(call) + "' invalidates " + what + ", but '" + methodName
                    + "' does not declare it: add " + annotation;
            report(call, "invalidates.undeclared", message, List.of(), List.of(
                    new FixHint(FixHint.Kind.DECLARE_INVALIDATES, "Declare " + annotation + " on '" + methodName + "'",
                            Map.of("method", methodName, "annotation", annotation))));
        }
    }

    /** A method that only borrows a parameter ({@code @Borrows}, e.g. Netty's decode) releases or hands it away. */
    private void reportBorrowed(Tree call, ExecutableElement m, int position, Effect effect) {
        String param = m.getParameters().get(position - 1).getSimpleName().toString();
        String owner = "its caller";
        for (ExecutableElement overridden : overriddenWithBorrows(m, position)) {
            owner = "'" + overridden.getEnclosingElement().getSimpleName() + "'";
            break;
        }
        String message = "'" + callText(call) + "' " + (effect == Effect.MOVE ? "hands away" : "releases") + " parameter '" + param
                + "', which '" + m.getSimpleName() + "' only borrows: " + owner + " releases it after the call (retain() it first to keep a"
                + " reference of your own)";
        report(call, "ownership.borrowed", message, List.of(), List.of());
    }

    /** The methods {@code m} overrides whose contract says they borrow parameter {@code position}. */
    private List<ExecutableElement> overriddenWithBorrows(ExecutableElement m, int position) {
        List<ExecutableElement> out = new ArrayList<>();
        if (!(m.getEnclosingElement() instanceof javax.lang.model.element.TypeElement owner)) {
            return out;
        }
        for (javax.lang.model.type.TypeMirror sup : contracts().types().directSupertypes(owner.asType())) {
            collectBorrows(m, owner, sup, position, out, new java.util.HashSet<>());
        }
        return out;
    }

    private void collectBorrows(ExecutableElement m, javax.lang.model.element.TypeElement owner, javax.lang.model.type.TypeMirror type,
            int position, List<ExecutableElement> out, java.util.Set<Element> seen) {
        if (!(type instanceof javax.lang.model.type.DeclaredType dt) || !(dt.asElement() instanceof javax.lang.model.element.TypeElement te)
                || !seen.add(te)) {
            return;
        }
        for (ExecutableElement candidate : javax.lang.model.util.ElementFilter.methodsIn(te.getEnclosedElements())) {
            if (candidate.getSimpleName().equals(m.getSimpleName()) && checker.getProcessingEnvironment().getElementUtils().overrides(m, candidate, owner)
                    && contracts().of(candidate).borrowed().contains(position)) {
                out.add(candidate);
            }
        }
        for (javax.lang.model.type.TypeMirror sup : contracts().types().directSupertypes(type)) {
            collectBorrows(m, owner, sup, position, out, seen);
        }
    }

    /**
     * 0 when the object is the receiver (or an instance field of it), n for the n-th parameter, -1
     * for anything else (a static field, a field of a local object, a local store).
     */
    private static int declaredPosition(Fact target, ExpressionTree targetExpr, ExecutableElement m) {
        for (OwnerRef ref : target.self()) {
            if (ref.origin() == Origin.THIS) {
                return 0;
            }
            if (ref.origin() == Origin.FIELD && ref.key() instanceof Element field
                    && !field.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
                // A static field belongs to the class: no caller holds it as this method's receiver.
                ExpressionTree t = Tracking.skip(targetExpr);
                boolean viaThis = t instanceof IdentifierTree
                        || (t instanceof MemberSelectTree ms && TreeUtils.isExplicitThisDereference(ms));
                if (viaThis) {
                    return 0;
                }
            }
            if (ref.origin() == Origin.PARAM) {
                int i = m.getParameters().indexOf(ref.key());
                if (i >= 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- messages

    private void reportStale(ExpressionTree use, String name, Fact f, String capturedBy) {
        String captured = capturedBy == null ? "" : ", captured by '" + capturedBy + "',";
        String cause = f.cause() == null ? "an earlier call"
                : hasPosition(f.cause()) ? "'" + callText(f.cause()) + "' at line " + line(f.cause())
                : "the implicit '" + callText(f.cause()) + "' at the end of its try-with-resources";
        String key;
        String message;
        List<FixHint> fixes = new ArrayList<>();
        switch (f.kind()) {
            case HANDLE -> {
                key = "handle.stale";
                message = "handle '" + name + "'" + originClause(f) + captured + " used after " + cause + " "
                        + handlePhrase(f);
                if (f.cause() instanceof MethodInvocationTree mi && f.causeEffect() == Effect.FREE
                        && TreeUtils.elementFromUse(mi).getReturnType().getKind().isPrimitive()
                        && contracts().of(TreeUtils.elementFromUse(mi)).issues()) {
                    fixes.add(new FixHint(FixHint.Kind.USE_RETURNED_HANDLE, "Use the handle '" + callText(mi) + "' returned",
                            Map.of("variable", name, "invalidatingCall", text(mi))));
                }
            }
            case POINTER -> {
                key = "pointer.stale";
                message = "pointer '" + name + "'" + originClause(f) + captured + " used after " + cause + " "
                        + pointerPhrase(f);
                if (f.origin() instanceof MethodInvocationTree origin) {
                    fixes.add(new FixHint(FixHint.Kind.RERESOLVE, "Resolve '" + name + "' again after the call",
                            Map.of("variable", name, "resolveExpression", text(origin))));
                }
            }
            default -> {
                key = f.status() == Status.MOVED ? "use.after.move" : "store.closed";
                String noun = noun(use);
                message = noun + " '" + name + "'" + captured + " used after " + cause + " "
                        + (f.status() == Status.MOVED ? "moved it" : f.viaOwner() ? "closed its store" : "closed it");
            }
        }
        report(use, key, message, related(f, use), fixes);
    }

    private String noun(ExpressionTree use) {
        TypeMirror type = TreeUtils.typeOf(use);
        var te = StoreContracts.typeElement(type);
        if (contracts().isStoreLike(type) && (te == null || !contracts().ownsMemory(te))) {
            return "store"; // a Stowage store; a library's type (Arena, ByteBuf, MemoryStack) is named as itself
        }
        return te == null ? "object" : te.getSimpleName().toString();
    }

    private static String handlePhrase(Fact f) {
        if (f.causeEffect() == null) {
            return "invalidated it";
        }
        return switch (f.causeEffect()) {
            case CLOSE -> "closed its store";
            case MOVE -> "moved its store";
            case ALLOCATE -> "may have reused its memory (the store is not @Multiple)";
            case FREE -> "freed or moved its allocation";
            default -> "invalidated it";
        };
    }

    private static String pointerPhrase(Fact f) {
        if (f.causeEffect() == null) {
            return "may have moved its memory";
        }
        return switch (f.causeEffect()) {
            case CLOSE -> "freed its memory";
            case MOVE -> "moved its memory";
            case POINTERS -> "invalidated it";
            default -> "may have moved its memory";
        };
    }

    /** " (resolved from 'store' at line 12)" or " (issued by 'store' at line 10)", or "" when unknown. */
    private String originClause(Fact f) {
        if (!(f.origin() instanceof MethodInvocationTree origin)) {
            return "";
        }
        String owner = ownerText(origin);
        String verb = f.kind() == Kind.POINTER ? "resolved from" : "issued by";
        return " (" + verb + " '" + (owner == null ? "this" : owner) + "' at line " + line(origin) + ")";
    }

    /** The text of the store, box or collection an @Resolves/@Issues call was made on. */
    private String ownerText(Tree origin) {
        if (!(origin instanceof MethodInvocationTree mi)) {
            return null;
        }
        Contract c = contracts().of(TreeUtils.elementFromUse(mi));
        int pos = c.resolves() ? c.resolvesOwner() : c.issues() ? c.issuesOwner() : -1;
        if (pos < 0) {
            return null;
        }
        ExpressionTree owner = Tracking.argumentOrReceiver(mi, pos);
        return owner == null ? "this" : text(owner);
    }

    private List<RelatedLocation> related(Fact f, Tree use) {
        List<RelatedLocation> related = new ArrayList<>();
        if (f.cause() != null && hasPosition(f.cause())) {
            String phrase = switch (f.kind()) {
                case HANDLE -> handlePhrase(f);
                case POINTER -> pointerPhrase(f);
                default -> f.status() == Status.MOVED ? "moved it" : "closed it";
            };
            related.add(new RelatedLocation(RelatedLocation.Role.INVALIDATION, range(f.cause()),
                    "'" + callText(f.cause()) + "' " + phrase));
        }
        if (f.origin() != null && startOf(f.origin()) >= 0) {
            String verb = switch (f.kind()) {
                case HANDLE -> "issued here";
                case POINTER -> "resolved here";
                default -> "created here";
            };
            related.add(new RelatedLocation(RelatedLocation.Role.ORIGIN, range(f.origin()), verb));
        }
        return related;
    }

    private void report(Tree tree, String key, String message, List<RelatedLocation> related, List<FixHint> fixes) {
        List<FixHint> all = new ArrayList<>(fixes);
        all.add(new FixHint(FixHint.Kind.SUPPRESS, "Suppress with @SuppressWarnings(\"stowage:" + key + "\")",
                Map.of("suppressKey", Finding.CHECKER_PREFIX + ":" + key)));
        checker.reportFinding(tree, new Finding(key, message, range(tree), related, all));
    }

    // ---------------------------------------------------------------- source text and positions

    private CharSequence content() {
        if (contentRoot != root) {
            contentRoot = root;
            try {
                content = root.getSourceFile().getCharContent(true);
            } catch (IOException e) {
                content = "";
            }
        }
        return content;
    }

    /** False for trees the framework synthesized (the close() of a try-with-resources): they have no place in the source. */
    private boolean hasPosition(Tree t) {
        return startOf(t) > 0;
    }

    private long startOf(Tree t) {
        return positions.getStartPosition(root, t);
    }

    String text(Tree t) {
        long start = startOf(t);
        long end = positions.getEndPosition(root, t);
        CharSequence c = content();
        if (start < 0 || end < start || end > c.length()) {
            return t.toString();
        }
        return c.subSequence((int) start, (int) end).toString();
    }

    private String callText(Tree call) {
        if (call instanceof MethodInvocationTree mi) {
            ExpressionTree receiver = TreeUtils.getReceiverTree(mi);
            String name = TreeUtils.methodName(mi).toString();
            return (receiver == null ? "" : text(receiver) + ".") + name + (mi.getArguments().isEmpty() ? "()" : "(...)");
        }
        if (call instanceof NewClassTree nc) {
            return "new " + text(nc.getIdentifier()) + (nc.getArguments().isEmpty() ? "()" : "(...)");
        }
        return text(call);
    }

    private long line(Tree t) {
        long start = startOf(t);
        return start < 0 ? 0 : root.getLineMap().getLineNumber(start);
    }

    SourceRange range(Tree t) {
        long start = Math.max(0, startOf(t));
        long end = positions.getEndPosition(root, t);
        if (end < start) {
            end = start;
        }
        var lines = root.getLineMap();
        int startLine = (int) lines.getLineNumber(start);
        int endLine = (int) lines.getLineNumber(end);
        int startCol = (int) (start - lines.getStartPosition(startLine)) + 1;
        int endCol = (int) (end - lines.getStartPosition(endLine)) + 1;
        return new SourceRange(checker.pathOf(root), startLine, startCol, endLine, endCol, (int) start, (int) end);
    }
}
