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
 * The rules: for each use, call, return, assignment and initializer the visitor hands over, the
 * checks that report stale values (docs/checker-design.md: a method call on it, passing it as an
 * argument, returning it, calling a lambda or local class that captured it), the rules that need no
 * flow facts beyond them (foreign handles, leaks from unpinned stores, escaping pointers, undeclared
 * invalidation, confined values on another thread, borrowed parameters), and qualifier mismatches
 * ({@code argument}, {@code assignment}, {@code return}). Facts come from the visitor
 * ({@link StowageVisitor#storeBefore}), words from {@link Wording}, places from {@link SourceText},
 * fixes from {@link Fixes}.
 */
final class StowageRules {

    private final StowageVisitor visitor;
    private final StowageChecker checker;
    private final Tracking tracking;
    private final StowageStore empty = new StowageStore();

    StowageRules(StowageVisitor visitor, StowageChecker checker, Tracking tracking) {
        this.visitor = visitor;
        this.checker = checker;
        this.tracking = tracking;
    }

    // ---- the visitor's state, and the helpers the rules read as words

    private Tracking tracking() {
        return tracking;
    }

    private StoreContracts contracts() {
        return tracking.contracts();
    }

    private StowageStore storeBefore(Tree tree) {
        return visitor.storeBefore(tree);
    }

    private TreePath getCurrentPath() {
        return visitor.currentPath();
    }

    private Fixes fixes() {
        return visitor.fixes();
    }

    private boolean hasPosition(Tree t) {
        return visitor.src().hasPosition(t);
    }

    private String text(Tree t) {
        return visitor.src().text(t);
    }

    private String callText(Tree call) {
        return visitor.src().callText(call);
    }

    private SourceRange range(Tree t) {
        return visitor.src().range(t);
    }

    private String noun(ExpressionTree use) {
        return visitor.wording().noun(use);
    }

    private Object originClause(Fact f) {
        return visitor.wording().originClause(f);
    }

    private String ownerText(Tree origin) {
        return visitor.wording().ownerText(origin);
    }

    private List<RelatedLocation> related(Fact f, Tree use) {
        return visitor.wording().related(f, use);
    }

    private static String handlePhrase(Fact f) {
        return Wording.handlePhrase(f);
    }

    private static String pointerPhrase(Fact f) {
        return Wording.pointerPhrase(f);
    }

    // ---------------------------------------------------------------- what the visitor hands over

    void onMethodInvocation(MethodInvocationTree tree) {
        StowageStore s = storeBefore(tree);
        ExecutableElement m = TreeUtils.elementFromUse(tree);
        Contract c = contracts().of(m);
        ExpressionTree receiver = TreeUtils.getReceiverTree(tree);
        if (s != null) {
            if (!contracts().readsOnlyOwnFields(m)) { // an @Envelope subtype's own accessor touches no memory
                checkUse(receiver, s, null);
            }
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
    }

    void onNewClass(NewClassTree tree) {
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
    }

    void onReturn(ReturnTree tree) {
        ExpressionTree expr = tree.getExpression();
        if (expr != null) {
            StowageStore s = storeBefore(tree);
            if (s != null) {
                checkUse(expr, s, null);
            }
            Tree enclosing = TreePathUtil.enclosingMethodOrLambda(getCurrentPath());
            if (enclosing instanceof MethodTree method) {
                ExecutableElement m = TreeUtils.elementFromDeclaration(method);
                checkQualifiers(expr, m.getReturnType(), orEmpty(s), Rule.RETURN, Template.QUALIFIER_RETURN,
                        m.getSimpleName().toString());
                if (!contracts().of(m).resolves()) {
                    Fact f = tracking().valueFact(expr, orEmpty(s));
                    if (f != null && f.kind() == Kind.POINTER && !f.ownerQuals().pinned()) {
                        Message closer = f.ownerQuals().scopeChecked() ? closedOnTheWayOut(f, orEmpty(s)) : null;
                        if (closer != null) {
                            reportEscape(expr, f, Message.of(Template.ESCAPE_RETURNED_CLOSED, m.getSimpleName().toString(), closer));
                        } else if (!f.ownerQuals().scopeChecked()) {
                            reportEscape(expr, f, Message.of(Template.ESCAPE_RETURNED_UNANNOTATED, m.getSimpleName().toString()));
                        }
                    }
                }
            }
        }
    }

    void onAssignment(AssignmentTree tree) {
        ExpressionTree lhs = Tracking.skip(tree.getVariable());
        Element target = TreeUtils.elementFromUse(lhs);
        boolean toField = target != null && target.getKind() == ElementKind.FIELD;
        if (target instanceof VariableElement v) {
            checkQualifiers(tree.getExpression(), v.asType(), tree, Rule.ASSIGNMENT, Template.QUALIFIER_ASSIGNMENT,
                    v.getSimpleName().toString());
        }
        if (toField || lhs.getKind() == Tree.Kind.ARRAY_ACCESS) {
            Fact f = tracking().valueFact(tree.getExpression(), orEmpty(storeBefore(tree)));
            if (f != null && f.kind() == Kind.POINTER && !f.ownerQuals().pinned()) {
                Message where = toField ? Message.of(Template.ESCAPE_TO_FIELD, target.getSimpleName().toString())
                        : Message.of(Template.ESCAPE_TO_ARRAY);
                Message closer = f.ownerQuals().scopeChecked() ? closedOnTheWayOut(f, orEmpty(storeBefore(tree))) : null;
                if (closer != null) {
                    reportEscape(tree.getExpression(), f, Message.of(Template.ESCAPE_CLOSED, where, closer));
                } else if (!f.ownerQuals().scopeChecked()) {
                    reportEscape(tree.getExpression(), f, where);
                }
            }
        }
    }

    void onVariable(VariableTree tree) {
        Element e = TreeUtils.elementFromDeclaration(tree);
        if (e != null && tree.getInitializer() != null) {
            checkQualifiers(tree.getInitializer(), e.asType(), tree, Rule.ASSIGNMENT, Template.QUALIFIER_ASSIGNMENT,
                    e.getSimpleName().toString());
        }
        if (e != null && e.getKind() == ElementKind.FIELD && tree.getInitializer() != null) {
            Fact f = tracking().valueFact(tree.getInitializer(), orEmpty(null));
            if (f != null && f.kind() == Kind.POINTER && !f.ownerQuals().pinned() && !f.ownerQuals().scopeChecked()) {
                reportEscape(tree.getInitializer(), f, Message.of(Template.ESCAPE_TO_FIELD, e.getSimpleName().toString()));
            }
        }
    }

    /**
     * An array initializer ({@code {p}}, {@code new MemorySegment[] {p}}) stores its elements like
     * {@code a[i] = p} does: a pointer put there escapes the facts, which live on locals.
     */
    void onNewArray(com.sun.source.tree.NewArrayTree tree) {
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
                    reportEscape(element, f, Message.of(Template.ESCAPE_TO_ARRAY));
                }
            }
        }
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
                    Message message = Message.of(Template.POINTER_INTO_INVALIDATED, name, originClause(pointer), callText(call), targetText);
                    report(arg, Rule.POINTER_STALE, message, related(pointer, null), NO_FIXES);
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
            checkQualifiers(args.get(i), params.get(i).asType(), orEmpty(s), Rule.ARGUMENT, Template.QUALIFIER_ARGUMENT,
                    params.get(i).getSimpleName().toString(),
                    (callee.getKind() == ElementKind.CONSTRUCTOR ? callee.getEnclosingElement().getSimpleName() : callee.getSimpleName()).toString());
        }
    }

    /**
     * The qualifier hierarchies ({@code @Pinned <: @Stable <: none}, {@code @Multiple <: none},
     * {@code @SharedStore <: none}): a value of a contract type flows only where its guarantees
     * include every qualifier written on the target type.
     */
    private void checkQualifiers(ExpressionTree value, TypeMirror target, StowageStore s, Rule key, Template template, Object... what) {
        checkQualifiers(value, target, s, null, key, template, what);
    }

    /** As above, with the facts before {@code at} looked up only when a qualifier is required (rarely). */
    private void checkQualifiers(ExpressionTree value, TypeMirror target, Tree at, Rule key, Template template, Object... what) {
        checkQualifiers(value, target, null, at, key, template, what);
    }

    private void checkQualifiers(ExpressionTree value, TypeMirror target, StowageStore known, Tree at, Rule key, Template template,
            Object[] what) {
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
            Object[] args = java.util.Arrays.copyOf(what, what.length + 2);
            args[what.length] = found.toString();
            args[what.length + 1] = required.toString();
            report(value, key, Message.of(template, args), List.of(), NO_FIXES);
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
        report(handleExpr, Rule.HANDLE_FOREIGN, Message.of(Template.HANDLE_FOREIGN, name, originClause(h), ownerName), related(h, null),
                NO_FIXES);
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
        Message message = Message.of(Template.BOX_LEAK, callText(call), store == null ? "a store" : "'" + store + "'");
        report(call, Rule.BOX_LEAK_UNPINNED, message, related(box, null), path -> fixes().keepBox(call));
    }

    private void reportEscape(ExpressionTree expr, Fact pointer, Message where) {
        VariableElement local = Tracking.localOf(expr);
        String name = local != null ? "'" + local.getSimpleName() + "'" : "'" + text(expr) + "'";
        String store = ownerText(pointer.origin());
        Message tail = pointer.ownerQuals().scopeChecked() ? Message.of(Template.ESCAPE_DEAD_ON_ARRIVAL)
                : Message.of(Template.ESCAPE_NOT_PINNED, store == null ? "its store" : "'" + store + "'");
        Message message = Message.of(Template.POINTER_ESCAPE, name, originClause(pointer), where, tail);
        // Dead on arrival (a frame's buffer leaving the frame): hand out a copy instead.
        report(expr, Rule.POINTER_ESCAPE, message, related(pointer, null),
                pointer.ownerQuals().scopeChecked() ? path -> fixes().copyOnEscape(expr) : NO_FIXES);
    }

    /**
     * For a pointer leaving the method: the try-with-resources around this point that closes its
     * store on the way out ("the try-with-resources closes 'arena' (line 12) when ..."), or null.
     */
    private Message closedOnTheWayOut(Fact pointer, StowageStore s) {
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
                        return Message.of(Template.CLOSED_ON_THE_WAY_OUT, v.getSimpleName().toString(), range(resource));
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
                    Message what = f.kind() == Kind.POINTER
                            ? Message.of(Template.THREAD_POINTER, local.getSimpleName().toString(), originClause(f))
                            : Message.of(Template.THREAD_OBJECT, local.getSimpleName().toString());
                    Message message = Message.of(Template.POINTER_THREAD, what, callText(call), range(call));
                    List<RelatedLocation> related = new ArrayList<>(related(f, null));
                    related.add(new RelatedLocation(RelatedLocation.Role.INVALIDATION, range(call), "'" + callText(call)
                            + "' runs it on another thread"));
                    report(node, Rule.POINTER_THREAD, message, related, NO_FIXES);
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
                if (declared.borrowed().contains(borrowedAt) && !ownedByConstruction(m, borrowedAt) && reported.add(borrowedAt)) {
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
            Message message = Message.of(Template.INVALIDATES_UNDECLARED, callText(call), what, methodName, annotation);
            report(call, Rule.INVALIDATES_UNDECLARED, message, List.of(), path -> fixes().declareInvalidates(method, methodName, annotation));
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
        Message message = Message.of(Template.OWNERSHIP_BORROWED, callText(call), effect == Effect.MOVE ? "hands away" : "releases", param,
                m.getSimpleName().toString(), owner);
        report(call, Rule.OWNERSHIP_BORROWED, message, List.of(), NO_FIXES);
    }

    private ConstructorFlags constructorFlags;

    /**
     * True when the base class that makes {@code m}'s parameter borrowed releases it only with a
     * constructor flag on ({@code @Borrows(unlessConstructedWithFalse = true)}), and {@code m}'s
     * class may turn it off (Netty's {@code super(false)} for {@code autoRelease}): then {@code m} owns it.
     */
    private boolean ownedByConstruction(ExecutableElement m, int position) {
        if (!(m.getEnclosingElement() instanceof javax.lang.model.element.TypeElement owner)) {
            return false;
        }
        List<ExecutableElement> bases = overriddenWithBorrows(m, position);
        for (ExecutableElement base : bases) {
            if (!contracts().borrowsUnlessConstructedWithFalse(base)) {
                return false; // borrowed whatever the constructors do
            }
        }
        if (constructorFlags == null) {
            constructorFlags = new ConstructorFlags(com.sun.source.util.Trees.instance(checker.getProcessingEnvironment()));
        }
        for (ExecutableElement base : bases) {
            if (constructorFlags.mayBeOff(owner, (javax.lang.model.element.TypeElement) base.getEnclosingElement())) {
                return true;
            }
        }
        return false;
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

    private void reportStale(ExpressionTree use, String name, Fact f, String capturedBy) {
        Object captured = capturedBy == null ? "" : Message.of(Template.CAPTURED_BY, capturedBy);
        Message cause = f.cause() == null ? Message.of(Template.CAUSE_UNKNOWN)
                : hasPosition(f.cause()) ? Message.of(Template.CAUSE_CALL, callText(f.cause()), range(f.cause()))
                : Message.of(Template.CAUSE_IMPLICIT_CLOSE, callText(f.cause()));
        Rule rule;
        Message message;
        java.util.function.Function<TreePath, Fix> fix;
        switch (f.kind()) {
            case HANDLE -> {
                rule = Rule.HANDLE_STALE;
                message = Message.of(Template.STALE_HANDLE, name, originClause(f), captured, cause, handlePhrase(f));
                if (f.cause() instanceof MethodInvocationTree mi && f.causeEffect() == Effect.FREE
                        && TreeUtils.elementFromUse(mi).getReturnType().getKind().isPrimitive()
                        && contracts().of(TreeUtils.elementFromUse(mi)).issues()) {
                    fix = path -> fixes().useReturnedHandle(use, name, mi, path);
                } else {
                    fix = null;
                }
            }
            case POINTER -> {
                rule = Rule.POINTER_STALE;
                message = Message.of(Template.STALE_POINTER, name, originClause(f), captured, cause, pointerPhrase(f));
                boolean frameEnded = f.ownerQuals().scopeChecked()
                        && (f.causeEffect() == Effect.POINTERS || f.causeEffect() == Effect.CLOSE);
                // After a stack frame ended there is nothing to resolve again from: copy the data out before it ends.
                fix = frameEnded ? path -> fixes().copyBeforeFrameEnds(name, use, f.cause(), path)
                        : f.origin() instanceof MethodInvocationTree origin && f.cause() != null
                        ? path -> fixes().reresolve(name, origin, f.cause(), path)
                        : null;
            }
            default -> {
                rule = f.status() == Status.MOVED ? Rule.USE_AFTER_MOVE : Rule.STORE_CLOSED;
                message = Message.of(Template.STALE_OBJECT, noun(use), name, captured, cause,
                        f.status() == Status.MOVED ? "moved it" : f.viaOwner() ? "closed its store" : "closed it");
                fix = f.cause() == null || f.viaOwner() ? null
                        : f.status() == Status.MOVED ? path -> fixes().retainBeforeHandOff(name, use, f.cause(), path)
                        : f.causeEffect() == Effect.CLOSE ? path -> fixes().moveReleaseAfterUse(use, f.cause(), path)
                        : null;
            }
        }
        report(use, rule, message, related(f, use), fix == null ? NO_FIXES : fix);
    }


    /** No fix but suppressing. */
    private static final java.util.function.Function<TreePath, Fix> NO_FIXES = path -> null;

    /**
     * Reports a finding. Its enclosing member and fixes are computed only for the engine (javac's
     * own diagnostics show neither), from the path of the reported tree; a fix that fails is not offered.
     */
    private void report(Tree tree, Rule rule, Message message, List<RelatedLocation> related,
            java.util.function.Function<TreePath, ?> fix) {
        String member = "";
        List<Fix> all = new ArrayList<>();
        if (checker.collectsFindings()) {
            TreePath path = fixes().pathOf(tree, getCurrentPath());
            if (path != null) {
                member = visitor.src().enclosingMember(path);
                try {
                    Object made = fix.apply(path);
                    if (made instanceof Fix one) {
                        all.add(one);
                    } else if (made instanceof List<?> many) {
                        many.stream().filter(Fix.class::isInstance).map(Fix.class::cast).forEach(all::add);
                    }
                } catch (RuntimeException e) {
                    // a fix that cannot be computed is not offered
                }
                try {
                    Fix suppress = fixes().suppress(path, rule);
                    if (suppress != null) {
                        all.add(suppress);
                    }
                } catch (RuntimeException e) {
                    // as above
                }
            }
        }
        checker.reportFinding(tree, new Finding(rule, message, range(tree), member, related, all));
    }
}
