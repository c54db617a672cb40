package dev.stowage.checker;

import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import dev.stowage.checker.Fact.Kind;
import dev.stowage.checker.Fact.Status;
import dev.stowage.checker.OwnerRef.Origin;
import dev.stowage.checker.StoreContracts.Contract;
import dev.stowage.checker.StoreContracts.Invalidation;
import dev.stowage.qual.Invalidates.Effect;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import org.checkerframework.javacutil.ElementUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The store model applied to code: what an expression denotes (which store, which handle), what
 * an assignment makes a local hold, and what a call invalidates. The transfer function and the
 * visitor both use it, so that the facts they compute and check agree. All store knowledge comes
 * from {@link StoreContracts}.
 */
final class Tracking {

    private final StoreContracts contracts;
    private final Types types;

    private final java.util.function.Function<Element, Tree> declarations;

    Tracking(StoreContracts contracts, java.util.function.Function<Element, Tree> declarations) {
        this.contracts = contracts;
        this.declarations = declarations;
        this.types = contracts.types();
    }

    StoreContracts contracts() {
        return contracts;
    }

    static ExpressionTree skip(ExpressionTree t) {
        return t == null ? null : TreeUtils.withoutParensOrCasts(t);
    }

    static boolean isLocal(Element e) {
        return e != null && switch (e.getKind()) {
            case LOCAL_VARIABLE, PARAMETER, RESOURCE_VARIABLE, EXCEPTION_PARAMETER, BINDING_VARIABLE -> true;
            default -> false;
        };
    }

    /** The local variable or parameter an expression reads, or null when it is anything else. */
    static VariableElement localOf(ExpressionTree t) {
        t = skip(t);
        if (t instanceof IdentifierTree id) {
            Element e = TreeUtils.elementFromUse(id);
            if (isLocal(e)) {
                return (VariableElement) e;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- what an expression denotes

    /** The store, box or collection an expression denotes ({@code null} is the implicit receiver). */
    Fact objectFact(ExpressionTree t, StowageStore s) {
        t = skip(t);
        if (t == null) {
            return Fact.object(null, Set.of(OwnerRef.THIS_REF), Set.of(), Quals.NONE, Quals.NONE);
        }
        VariableElement local = localOf(t);
        if (local != null) {
            Fact f = s.fact(local);
            Quals declared = contracts.qualsOf(local.asType());
            if (f != null && f.kind() == Kind.OBJECT) {
                return f.withQuals(f.quals().join(declared));
            }
            Origin origin = local.getKind() == ElementKind.PARAMETER ? Origin.PARAM : Origin.UNKNOWN;
            return synthesized(local, new OwnerRef(origin, local, StoreContracts.typeElement(local.asType())), local.asType());
        }
        if (t instanceof IdentifierTree id && id.getName().contentEquals("this")
                || t instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("this")) {
            return Fact.object(t, Set.of(OwnerRef.THIS_REF), Set.of(), contracts.qualsOf(TreeUtils.typeOf(t)), Quals.NONE);
        }
        TypeMirror type = TreeUtils.typeOf(t);
        if (t instanceof IdentifierTree || t instanceof MemberSelectTree) {
            Element e = TreeUtils.elementFromUse(t);
            if (e != null && e.getKind() == ElementKind.FIELD) {
                // A field that only ever holds a collection made by its class from a store of known
                // guarantees: its store has them.
                Quals fresh = freshFieldOwnerQuals((VariableElement) e);
                return synthesized(t, new OwnerRef(Origin.FIELD, e, StoreContracts.typeElement(type)), type,
                        fresh == null ? Quals.NONE : fresh);
            }
        }
        if (t instanceof NewClassTree nc) {
            Fact f = synthesized(t, new OwnerRef(Origin.FRESH, t, StoreContracts.typeElement(type)), type);
            return withPolyQuals(f, TreeUtils.elementFromUse(nc), nc.getArguments(), s);
        }
        if (t instanceof MethodInvocationTree mi) {
            ExecutableElement m = TreeUtils.elementFromUse(mi);
            Contract c = contracts.of(m);
            if (c.issues() && !m.getReturnType().getKind().isPrimitive()) {
                Fact owner = objectFact(argumentOrReceiver(mi, c.issuesOwner()), s);
                return Fact.object(mi, Set.of(new OwnerRef(Origin.FRESH, mi, StoreContracts.typeElement(type))),
                        owner.self(), contracts.qualsOf(type).join(c.resultQuals()), owner.quals());
            }
            // @Creates: a new object, as with new; the return type's qualifiers (@Confined, @Pinned) hold for it;
            // a @PolyStore parameter lends its argument's guarantees.
            Origin origin = c.creates() ? Origin.FRESH : Origin.UNKNOWN;
            Fact f = synthesized(t, new OwnerRef(origin, t, StoreContracts.typeElement(type)), type);
            if (!c.resultQuals().equals(Quals.NONE)) {
                f = f.withQuals(f.quals().join(c.resultQuals()));
            }
            return withPolyQuals(f, m, mi.getArguments(), s);
        }
        if (t instanceof ConditionalExpressionTree c) {
            return objectFact(c.getTrueExpression(), s).join(objectFact(c.getFalseExpression(), s));
        }
        return synthesized(t, new OwnerRef(Origin.UNKNOWN, t, StoreContracts.typeElement(type)), type);
    }

    /**
     * A wrapper made by a constructor or method with {@code @PolyStore} parameters has, besides its
     * class's guarantees, those that all the arguments passed there have (qualifier polymorphism).
     */
    private Fact withPolyQuals(Fact f, ExecutableElement m, List<? extends ExpressionTree> args, StowageStore s) {
        int[] poly = m == null ? new int[0] : contracts.polyStoreParams(m);
        if (poly.length == 0) {
            return f;
        }
        Quals argumentQuals = null;
        for (int position : poly) {
            if (position - 1 < args.size()) {
                Quals q = objectFact(args.get(position - 1), s).quals();
                argumentQuals = argumentQuals == null ? q : argumentQuals.meet(q);
            }
        }
        return argumentQuals == null ? f : f.withQuals(f.quals().join(argumentQuals));
    }

    /**
     * An object the flow has no fact for. A store owns its memory; a box or collection of unknown
     * origin keeps it in some store the analysis cannot name, which may be any store that is not
     * fresh (for a parameter: any store that existed on entry).
     */
    private Fact synthesized(Object origin, OwnerRef ref, TypeMirror type) {
        return synthesized(origin, ref, type, Quals.NONE);
    }

    private Fact synthesized(Object origin, OwnerRef ref, TypeMirror type, Quals ownerQuals) {
        Set<OwnerRef> owners = contracts.isStoreLike(type)
                ? Set.of()
                : Set.of(new OwnerRef(ref.origin() == Origin.PARAM ? Origin.PARAM : Origin.UNKNOWN, new OwnerRef.StoreOf(ref.key()), null));
        return Fact.object(origin instanceof Tree t ? t : null, Set.of(ref), owners, contracts.qualsOf(type),
                owners.isEmpty() ? Quals.NONE : ownerQuals);
    }

    /** Argument {@code position} (from 1) of a call, or its receiver for 0 ({@code null}: implicit this). */
    static ExpressionTree argumentOrReceiver(MethodInvocationTree call, int position) {
        if (position == 0) {
            return TreeUtils.getReceiverTree(call);
        }
        List<? extends ExpressionTree> args = call.getArguments();
        return position - 1 < args.size() ? args.get(position - 1) : null;
    }

    /**
     * A handle that arrives in an untracked local (a parameter, a for-each variable, a field or
     * array read into a local) and is now resolved, freed or grown on a store: from here on it is a
     * fact like a handle issued in the method, owned by that store, with the local itself as its
     * value identity, so that freeing it kills it and the pointers resolved from it.
     */
    void trackHandleArgument(ExpressionTree handleExpr, ExpressionTree ownerExpr, StowageStore s) {
        VariableElement local = localOf(handleExpr);
        if (local == null || s.fact(local) != null || !local.asType().getKind().isPrimitive()) {
            return;
        }
        Fact owner = objectFact(ownerExpr, s);
        Set<OwnerRef> owners = owner.owners().isEmpty() ? owner.self() : Fact.union(owner.self(), owner.owners());
        s.put(local, Fact.arrivedHandle(local, owners, owner.owners().isEmpty() ? owner.quals() : owner.ownerQuals()));
    }

    /** True when the handle's identities are all handles issued in this method (not ones that arrived in a local). */
    static boolean issuedHere(Set<Object> values) {
        if (values.isEmpty()) {
            return false;
        }
        for (Object v : values) {
            if (!(v instanceof Tree)) {
                return false;
            }
        }
        return true;
    }

    /** The identities a handle expression may hold (empty when it is not a tracked local). */
    static Set<Object> handleValues(ExpressionTree t, StowageStore s) {
        VariableElement local = localOf(t);
        Fact f = local == null ? null : s.fact(local);
        return f != null && f.kind() == Kind.HANDLE ? f.values() : Set.of();
    }

    // ---------------------------------------------------------------- assignments

    /** What a local holds after {@code local = rhs}, or null when the value is not tracked. */
    Fact valueFact(ExpressionTree rhs, StowageStore s) {
        rhs = skip(rhs);
        if (rhs == null) {
            return null;
        }
        Fact temporary = s.temporary(rhs);
        if (temporary != null) {
            return temporary;
        }
        VariableElement local = localOf(rhs);
        if (local != null) {
            Fact f = s.fact(local);
            if (f != null) {
                return f; // a copy shares the original's fact, so it goes stale with it
            }
            return contracts.isContractType(local.asType()) ? objectFact(rhs, s) : null;
        }
        if (rhs instanceof MethodInvocationTree mi) {
            ExecutableElement m = TreeUtils.elementFromUse(mi);
            Contract c = contracts.of(m);
            if (c.leaks()) {
                return null; // leaked memory is never invalidated (box.leak.unpinned guards the store)
            }
            Fact derived = derivedView(mi, c, s);
            if (derived != null) {
                return derived;
            }
            if (c.resolves()) {
                Fact owner = objectFact(argumentOrReceiver(mi, c.resolvesOwner()), s);
                Set<Object> from = c.resolvesHandle() > 0 ? handleValues(argumentOrReceiver(mi, c.resolvesHandle()), s) : Set.of();
                return Fact.pointer(mi, owner, from);
            }
            if (c.issues()) {
                if (m.getReturnType().getKind().isPrimitive()) {
                    Fact owner = objectFact(argumentOrReceiver(mi, c.issuesOwner()), s);
                    if (owner.owners().isEmpty()) {
                        return Fact.handle(mi, owner.self(), owner.quals());
                    }
                    // A box's handle names memory of the box's store: valid with that store, dead with the box.
                    return Fact.handle(mi, Fact.union(owner.self(), owner.owners()), owner.ownerQuals());
                }
                return objectFact(mi, s);
            }
            // A view derived from a pointer (asSlice, reinterpret) says so with @Derives (the JDK model
            // declares MemorySegment's); anything else a pointer's method returns (a pointer read from
            // its memory, get(ADDRESS, 0)) is a new value, not tied to the source.
            TypeMirror result = TreeUtils.typeOf(mi);
            return contracts.isContractType(result) ? objectFact(mi, s) : null;
        }
        if (rhs instanceof ConditionalExpressionTree c) {
            Fact a = valueFact(c.getTrueExpression(), s);
            Fact b = valueFact(c.getFalseExpression(), s);
            return a == null ? b : a.join(b);
        }
        if (rhs instanceof LambdaExpressionTree || rhs instanceof MemberReferenceTree) {
            Set<VariableElement> captured = capturedTracked(rhs, s);
            return captured.isEmpty() ? null : Fact.closure(rhs, captured);
        }
        if (rhs instanceof NewClassTree nc) {
            Tree body = localClassBody(nc);
            if (body != null) {
                Set<VariableElement> captured = capturedTracked(body, s);
                return captured.isEmpty() ? null : Fact.closure(rhs, captured);
            }
        }
        if (rhs instanceof NewClassTree || rhs instanceof IdentifierTree || rhs instanceof MemberSelectTree) {
            return contracts.isContractType(TreeUtils.typeOf(rhs)) ? objectFact(rhs, s) : null;
        }
        return null;
    }

    // ---------------------------------------------------------------- temporaries

    /**
     * True when the call at {@code path} is the receiver, or an argument, of an enclosing call or
     * {@code new} whose later-evaluated arguments contain a call that may invalidate something: its
     * result, if a pointer, must be followed until the enclosing call uses it.
     */
    boolean mayBeStaleTemporary(com.sun.source.util.TreePath path) {
        if (path == null || path.getParentPath() == null) {
            return false;
        }
        // Decided once per call tree: the transfer runs again for the same node at every fixpoint
        // iteration and every lookup of the facts before a tree.
        Boolean cached = temporaryCandidates.get(path.getLeaf());
        if (cached == null) {
            cached = computeMayBeStaleTemporary(path);
            temporaryCandidates.put(path.getLeaf(), cached);
        }
        return cached;
    }

    private final java.util.Map<Tree, Boolean> temporaryCandidates = new java.util.IdentityHashMap<>();

    private boolean computeMayBeStaleTemporary(com.sun.source.util.TreePath path) {
        if (!(path.getLeaf() instanceof MethodInvocationTree call) || !mayReturnPointer(call)) {
            return false;
        }
        Tree self = path.getLeaf();
        com.sun.source.util.TreePath up = path.getParentPath();
        while (up != null && (up.getLeaf().getKind() == Tree.Kind.PARENTHESIZED || up.getLeaf().getKind() == Tree.Kind.TYPE_CAST)) {
            self = up.getLeaf();
            up = up.getParentPath();
        }
        if (up == null) {
            return false;
        }
        Tree parent = up.getLeaf();
        List<? extends ExpressionTree> later;
        if (parent instanceof MemberSelectTree ms && ms.getExpression() == self && up.getParentPath() != null
                && up.getParentPath().getLeaf() instanceof MethodInvocationTree outer && outer.getMethodSelect() == parent) {
            later = outer.getArguments();
        } else if (parent instanceof MethodInvocationTree outer) {
            // The framework's path may go from a receiver straight to the call, past the member select.
            later = skip(TreeUtils.getReceiverTree(outer)) == skip((ExpressionTree) self) ? outer.getArguments()
                    : after(outer.getArguments(), self);
        } else if (parent instanceof NewClassTree outer) {
            later = after(outer.getArguments(), self);
        } else {
            return false;
        }
        for (ExpressionTree arg : later) {
            if (containsInvalidatingCall(arg)) {
                return true;
            }
        }
        return false;
    }

    /** A call whose result may be a pointer: an {@code @Resolves} call, or one that derives a view ({@code @Derives}). */
    private boolean mayReturnPointer(MethodInvocationTree call) {
        ExecutableElement m = TreeUtils.elementFromUse(call);
        if (m == null || m.getReturnType().getKind() != javax.lang.model.type.TypeKind.DECLARED) {
            return false;
        }
        Contract c = contracts.of(m);
        return c.resolves() || c.derives();
    }

    private static List<? extends ExpressionTree> after(List<? extends ExpressionTree> args, Tree self) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) == self) {
                return args.subList(i + 1, args.size());
            }
        }
        return List.of();
    }

    private boolean containsInvalidatingCall(Tree t) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }

            @Override
            public Boolean visitMethodInvocation(MethodInvocationTree node, Void p) {
                ExecutableElement m = TreeUtils.elementFromUse(node);
                return (m != null && !contracts.of(m).invalidations().isEmpty()) || super.visitMethodInvocation(node, p);
            }

            @Override
            public Boolean visitNewClass(NewClassTree node, Void p) {
                ExecutableElement m = TreeUtils.elementFromUse(node);
                return (m != null && !contracts.of(m).invalidations().isEmpty()) || super.visitNewClass(node, p);
            }

            @Override
            public Boolean visitLambdaExpression(LambdaExpressionTree node, Void p) {
                return false; // runs later, if at all
            }
        }.scan(t, null);
        return Boolean.TRUE.equals(found);
    }

    /**
     * True when the effect of {@code inv}, applied to {@code target}, would make the live pointer
     * {@code pointer} stale: decided by applying it to a store that holds only that pointer.
     */
    boolean effectWouldKill(Tree call, Invalidation inv, ExpressionTree targetExpr, Fact target, Fact pointer,
            List<? extends ExpressionTree> args) {
        StowageStore scratch = new StowageStore();
        scratch.putTemporary(call, pointer);
        applyEffect(call, inv, targetExpr, target, args, scratch);
        return !scratch.temporary(call).isLive();
    }

    /** The temporaries a call uses (its receiver and arguments) are not needed after it. */
    static void consumeTemporaries(MethodInvocationTree call, StowageStore s) {
        ExpressionTree receiver = skip(TreeUtils.getReceiverTree(call));
        if (receiver != null) {
            s.removeTemporary(receiver);
        }
        for (ExpressionTree arg : call.getArguments()) {
            s.removeTemporary(skip(arg));
        }
    }

    /**
     * A view derived from a view ({@code @Derives}), or resolved from an object that is itself a
     * view (an allocator that slices a segment): it shares the source's fact, so it dies with it;
     * with {@code @Resolves} as well, it dies with the resolving owner too. Null when the call
     * derives nothing from a tracked pointer.
     */
    private Fact derivedView(MethodInvocationTree mi, Contract c, StowageStore s) {
        ExpressionTree sourceExpr = c.derives() ? argumentOrReceiver(mi, c.derivesFrom())
                : c.resolves() && c.resolvesHandle() == 0 ? argumentOrReceiver(mi, c.resolvesOwner())
                : null;
        Fact source = sourceExpr == null ? null : valueFact(sourceExpr, s);
        if (source == null || source.kind() != Kind.POINTER) {
            if (c.derives() && !c.resolves() && sourceExpr != null && contracts.isContractType(TreeUtils.typeOf(sourceExpr))) {
                return Fact.pointer(mi, objectFact(sourceExpr, s), Set.of()); // derived from a store: its pointer
            }
            return null;
        }
        if (c.derives() && c.resolves()) {
            return Fact.pointer(mi, objectFact(argumentOrReceiver(mi, c.resolvesOwner()), s), Set.of()).join(source);
        }
        return source;
    }

    /** The body of an anonymous class, or the declaration of a local class, that {@code new} creates; else null. */
    private Tree localClassBody(NewClassTree nc) {
        if (nc.getClassBody() != null) {
            return nc.getClassBody();
        }
        ExecutableElement ctor = TreeUtils.elementFromUse(nc);
        Element cls = ctor == null ? null : ctor.getEnclosingElement();
        if (cls != null && cls.getEnclosingElement() != null
                && (cls.getEnclosingElement().getKind() == ElementKind.METHOD
                        || cls.getEnclosingElement().getKind() == ElementKind.CONSTRUCTOR)) {
            return declarations.apply(cls);
        }
        return null;
    }

    /** The tracked locals a lambda or method reference reads from its enclosing scope. */
    static Set<VariableElement> capturedTracked(Tree lambda, StowageStore s) {
        Set<VariableElement> found = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                VariableElement local = localOf(node);
                if (local != null && s.fact(local) != null) {
                    found.add(local);
                }
                return null;
            }
        }.scan(lambda, null);
        return found;
    }

    // ---------------------------------------------------------------- calls

    /** Applies a call's {@code @Invalidates} (and {@code @Reserves}) to the facts of {@code s}. */
    void applyCall(Tree call, ExecutableElement m, ExpressionTree receiver, List<? extends ExpressionTree> args, StowageStore s) {
        applyCall(call, null, m, receiver, args, s);
    }

    /** True when a call of {@code m} may change facts: it invalidates, reserves, resolves a handle, tests presence or retains a reference. */
    boolean changesFacts(ExecutableElement m) {
        if (m == null) {
            return false;
        }
        Contract c = contracts.of(m);
        return !c.invalidations().isEmpty() || c.reservesParam() > 0 || (c.resolves() && c.resolvesHandle() > 0)
                || contracts.presenceTest(m).length > 0 || c.retainsReference();
    }

    /** As above; {@code path} (the call's, or null) lets a push in a counted loop use symbolic room. */
    void applyCall(Tree call, com.sun.source.util.TreePath path, ExecutableElement m, ExpressionTree receiver,
            List<? extends ExpressionTree> args, StowageStore s) {
        Contract c = contracts.of(m);
        if (c.invalidations().isEmpty() && c.reservesParam() == 0 && !(c.resolves() && c.resolvesHandle() > 0) && !c.retainsReference()) {
            return;
        }
        if (call instanceof MethodInvocationTree mi) {
            if (c.resolves() && c.resolvesHandle() > 0) {
                trackHandleArgument(argumentOrReceiver(mi, c.resolvesHandle()), argumentOrReceiver(mi, c.resolvesOwner()), s);
            }
            for (Invalidation inv : c.invalidations()) {
                if (inv.handleParam() > 0) {
                    trackHandleArgument(argumentOrReceiver(mi, inv.handleParam()), argumentOrReceiver(mi, inv.target()), s);
                }
            }
        }
        boolean instanceCall = m.getKind() != ElementKind.CONSTRUCTOR && !m.getModifiers().contains(Modifier.STATIC);
        for (Invalidation inv : c.invalidations()) {
            ExpressionTree targetExpr;
            if (inv.target() == 0) {
                if (!instanceCall) {
                    continue; // "this" of a constructor or static method names nothing a caller holds
                }
                targetExpr = receiver;
            } else if (inv.target() - 1 < args.size()) {
                targetExpr = args.get(inv.target() - 1);
                if (!reachesArgument(m, inv.target(), targetExpr, s)) {
                    continue;
                }
            } else {
                continue;
            }
            Fact target = objectFact(targetExpr, s);
            if (inv.unlessReserved() && target.room() > 0) {
                // Within reserved room (@Reserves): no effect; the call uses one unit of the room.
                updateObject(s, targetExpr, target, f -> f.withRoom(f.room() - 1));
                continue;
            }
            if (inv.unlessReserved() && target.symbolicRoom() != null && path != null) {
                // Within room reserved for n, by the one loop that runs at most n times: no effect.
                Fact.SymbolicRoom room = target.symbolicRoom();
                Tree loop = budgetLoop(call, path, room.symbol(), localOf(targetExpr));
                if (loop != null && (room.spentBy() == null || room.spentBy() == loop)) {
                    updateObject(s, targetExpr, target, f -> f.withSymbolicRoom(new Fact.SymbolicRoom(room.symbol(), loop)));
                    continue;
                }
            }
            Object key = inv.unlessPresent() > 0 && inv.unlessPresent() - 1 < args.size()
                    ? keyOf(args.get(inv.unlessPresent() - 1))
                    : null;
            if (key != null && target.presentKeys().contains(key)) {
                continue; // a put of a key known present: no effect (unlessPresent)
            }
            applyEffect(call, inv, targetExpr, target, args, s);
            // The effect happened: what was known about the object's room and keys is gone (may-aliases too).
            forgetCapacity(s, target.self(), inv.effect());
            if (key != null) {
                // After the put the key is present (the one thing the effect itself tells).
                updateObject(s, targetExpr, objectFact(targetExpr, s), f -> f.withPresentKeys(Fact.union(f.presentKeys(), Set.of(key))));
            }
        }
        if (c.retainsReference() && instanceCall) {
            // One more reference (or n, a constant): as many later unlessReserved releases are covered.
            long more = 1;
            if (c.retains() > 0) {
                Object n = c.retains() - 1 < args.size() ? constantValue(args.get(c.retains() - 1)) : null;
                more = n instanceof Number num && !(n instanceof Double || n instanceof Float) ? Math.max(0, num.longValue()) : 0;
            }
            long add = more;
            updateObject(s, receiver, objectFact(receiver, s), f -> f.withRoom(f.room() + add));
        }
        if (c.reservesParam() > 0 && instanceCall && c.reservesParam() - 1 < args.size()) {
            // After the reserve's own effect, the receiver has room for n more (n a constant; else none known).
            ExpressionTree count = args.get(c.reservesParam() - 1);
            Object n = constantValue(count);
            long room = n instanceof Number num && !(n instanceof Double || n instanceof Float) ? Math.max(0, num.longValue()) : 0;
            Object symbol = n == null ? countSymbol(count) : null;
            Fact.SymbolicRoom symbolic = symbol == null ? null : new Fact.SymbolicRoom(symbol, null);
            updateObject(s, receiver, objectFact(receiver, s), f -> f.withRoom(room).withSymbolicRoom(symbolic));
        }
    }

    /**
     * Whether an {@code @Invalidates} on argument {@code position} reaches the object the argument
     * denotes. Not when the argument is the result of a retaining call ({@code ctx.write(buf.retain())}
     * hands over the new reference), nor when the parameter is typed {@code Object} (Netty's
     * pipeline takes {@code Object msg}) and the argument is neither a tracked local nor of a type
     * with contracts: a {@code String} written to a channel owns no memory.
     */
    boolean reachesArgument(ExecutableElement m, int position, ExpressionTree arg, StowageStore s) {
        ExpressionTree a = skip(arg);
        if (a instanceof MethodInvocationTree call && contracts.of(TreeUtils.elementFromUse(call)).retainsReference()) {
            return false;
        }
        if (position - 1 < m.getParameters().size()
                && types.erasure(m.getParameters().get(position - 1).asType()).toString().equals("java.lang.Object")) {
            VariableElement local = localOf(a);
            if ((local == null || s.fact(local) == null) && !contracts.isContractType(TreeUtils.typeOf(a))) {
                return false;
            }
        }
        return true;
    }

    /** One {@code @Invalidates} that is not skipped, on the object {@code target} denotes (the invalidation table of docs/store-model.md). */
    void applyEffect(Tree call, Invalidation inv, ExpressionTree targetExpr, Fact target,
            List<? extends ExpressionTree> args, StowageStore s) {
        Set<Object> freed = inv.handleParam() > 0 && inv.handleParam() - 1 < args.size()
                ? handleValues(args.get(inv.handleParam() - 1), s)
                : Set.of();
        Effect effect = inv.effect();
        if (effect == Effect.ALLOCATE && !target.owners().isEmpty()) {
            // A box or collection that allocates does so in its store: its pointers are that store's
            // allocations, judged by the store's guarantees, and the store's other values too.
            invalidate(s, target.self(), target.ownerQuals(), effect, freed, call, false);
            invalidate(s, target.owners(), target.ownerQuals(), effect, Set.of(), call, true);
            return;
        }
        invalidate(s, target.self(), target.quals(), effect, freed, call, false);
        // A box or collection that may reallocate or free allocates on its store (store-model.md).
        if (!target.owners().isEmpty() && reallocates(effect)) {
            invalidate(s, target.owners(), target.ownerQuals(), Effect.ALLOCATE, Set.of(), call, true);
        }
        if (effect == Effect.CLOSE || effect == Effect.MOVE) {
            kill(s, target, targetExpr, effect, call);
        }
    }

    /** Effects that may reallocate or free the object's memory, so that reserved room is gone too. */
    private static boolean reallocates(Effect effect) {
        return switch (effect) {
            case RELOCATE, MOVE, CLOSE, ANY -> true;
            default -> false;
        };
    }

    /**
     * An effect happened on {@code target}: the objects that may be it forget their known keys, and
     * (for an effect that may reallocate) their reserved room.
     */
    private void forgetCapacity(StowageStore s, Set<OwnerRef> target, Effect effect) {
        boolean loseRoom = reallocates(effect);
        // Moving or adding memory keeps every key (a rehash moves entries); other effects may drop some.
        boolean loseKeys = effect != Effect.ALLOCATE && effect != Effect.RELOCATE;
        java.util.function.Predicate<Fact> knows = f -> (loseRoom && (f.room() > 0 || f.symbolicRoom() != null))
                || (loseKeys && !f.presentKeys().isEmpty());
        if (!s.anyFact(knows)) {
            return; // the common case: nothing known to forget, so no rewrite of every fact
        }
        s.replaceFacts(f -> f.kind() == Kind.OBJECT && knows.test(f) && mayAlias(f.self(), target)
                ? f.withRoom(loseRoom ? 0 : f.room()).withSymbolicRoom(loseRoom ? null : f.symbolicRoom())
                        .withPresentKeys(loseKeys ? Set.of() : f.presentKeys())
                : f);
    }

    /**
     * The branch of a membership test ({@code @EnsuresPresentIf}) on which the key is present: the
     * receiver knows the key (a compile-time constant or an effectively final local) present.
     */
    void assumePresent(MethodInvocationTree test, int keyParam, StowageStore s) {
        ExpressionTree receiver = TreeUtils.getReceiverTree(test);
        Object key = keyParam - 1 < test.getArguments().size() ? keyOf(test.getArguments().get(keyParam - 1)) : null;
        if (key == null || localOf(receiver) == null) {
            return;
        }
        updateObject(s, receiver, objectFact(receiver, s), f -> f.withPresentKeys(Fact.union(f.presentKeys(), Set.of(key))));
    }

    /**
     * A count the checker can name without knowing it: an effectively final local, or
     * {@code a.length} of an effectively final local array; null for anything else.
     */
    static Object countSymbol(ExpressionTree count) {
        ExpressionTree t = skip(count);
        VariableElement local = localOf(t);
        if (local != null) {
            return ElementUtils.isEffectivelyFinal(local) ? local : null;
        }
        if (t instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("length")) {
            VariableElement array = localOf(ms.getExpression());
            if (array != null && array.asType().getKind() == javax.lang.model.type.TypeKind.ARRAY
                    && ElementUtils.isEffectivelyFinal(array)) {
                return new Fact.ArrayLength(array);
            }
        }
        return null;
    }

    private final java.util.Map<Tree, Tree> budgetLoops = new java.util.IdentityHashMap<>();

    /**
     * The loop that may spend room reserved for {@code symbol} on {@code call}: the innermost loop
     * around the call (not across a lambda or class), which runs at most {@code symbol} times
     * ({@code for (int i = 0; i < n; i++)} with {@code i} not assigned in the body, or a for-each
     * over the array whose length it is), is inside no other loop, and contains no other call on
     * any object that may use reserved room (a copy of the local may be the same object); null when
     * there is none.
     */
    private Tree budgetLoop(Tree call, com.sun.source.util.TreePath path, Object symbol, VariableElement object) {
        if (object == null) {
            return null;
        }
        Tree cached = budgetLoops.get(call);
        if (cached == null) {
            Tree loop = innermostLoop(path);
            cached = loop != null && enclosedByNoLoop(path, loop) && oneReservedCall(loop) ? loop : call;
            budgetLoops.put(call, cached);
        }
        return cached != call && boundedBy(cached, symbol) ? cached : null;
    }

    private static Tree innermostLoop(com.sun.source.util.TreePath path) {
        for (var p = path; p != null; p = p.getParentPath()) {
            switch (p.getLeaf().getKind()) {
                case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP:
                    return p.getLeaf();
                case LAMBDA_EXPRESSION, CLASS, METHOD:
                    return null;
                default:
                    break;
            }
        }
        return null;
    }

    private static boolean enclosedByNoLoop(com.sun.source.util.TreePath path, Tree loop) {
        var p = path;
        while (p != null && p.getLeaf() != loop) {
            p = p.getParentPath();
        }
        return p != null && innermostLoop(p.getParentPath()) == null;
    }

    /** The loop makes one call that may use reserved room, on any object (a copy of the local may be the same object). */
    private boolean oneReservedCall(Tree loop) {
        int[] calls = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
                ExecutableElement m = TreeUtils.elementFromUse(node);
                if (m != null && contracts.of(m).invalidations().stream().anyMatch(Invalidation::unlessReserved)) {
                    calls[0]++;
                }
                return super.visitMethodInvocation(node, p);
            }
        }.scan(loop, null);
        return calls[0] == 1;
    }

    /** The loop runs at most {@code symbol} times. */
    private static boolean boundedBy(Tree loop, Object symbol) {
        if (loop instanceof com.sun.source.tree.EnhancedForLoopTree each) {
            return symbol instanceof Fact.ArrayLength length && length.array().equals(localOf(each.getExpression()))
                    && TreeUtils.typeOf(each.getExpression()).getKind() == javax.lang.model.type.TypeKind.ARRAY;
        }
        if (!(loop instanceof com.sun.source.tree.ForLoopTree f) || f.getInitializer().size() != 1
                || f.getUpdate().size() != 1
                || !(f.getInitializer().get(0) instanceof com.sun.source.tree.VariableTree init)
                || !Long.valueOf(0).equals(init.getInitializer() == null ? null : constantValue(init.getInitializer()))
                || !(skip(f.getCondition()) instanceof com.sun.source.tree.BinaryTree cond)
                || cond.getKind() != Tree.Kind.LESS_THAN) {
            return false;
        }
        VariableElement index = TreeUtils.elementFromDeclaration(init);
        if (!index.equals(localOf(cond.getLeftOperand())) || !symbol.equals(countSymbol(cond.getRightOperand()))) {
            return false;
        }
        ExpressionTree update = f.getUpdate().get(0).getExpression();
        boolean increment = (update instanceof UnaryTree u && (u.getKind() == Tree.Kind.POSTFIX_INCREMENT
                        || u.getKind() == Tree.Kind.PREFIX_INCREMENT) && index.equals(localOf(u.getExpression())))
                || (update instanceof com.sun.source.tree.CompoundAssignmentTree ca && ca.getKind() == Tree.Kind.PLUS_ASSIGNMENT
                        && index.equals(localOf(ca.getVariable())) && Long.valueOf(1).equals(constantValue(ca.getExpression())));
        return increment && !assignedIn(f.getStatement(), index);
    }

    private static boolean assignedIn(Tree body, VariableElement local) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }

            @Override
            public Boolean visitAssignment(com.sun.source.tree.AssignmentTree node, Void p) {
                return local.equals(localOf(node.getVariable())) || Boolean.TRUE.equals(super.visitAssignment(node, p));
            }

            @Override
            public Boolean visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void p) {
                return local.equals(localOf(node.getVariable())) || Boolean.TRUE.equals(super.visitCompoundAssignment(node, p));
            }

            @Override
            public Boolean visitUnary(UnaryTree node, Void p) {
                boolean changes = switch (node.getKind()) {
                    case POSTFIX_INCREMENT, PREFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_DECREMENT -> true;
                    default -> false;
                };
                return (changes && local.equals(localOf(node.getExpression()))) || Boolean.TRUE.equals(super.visitUnary(node, p));
            }
        }.scan(body, null);
        return Boolean.TRUE.equals(found);
    }

    /**
     * Changes what is known about the object a local denotes (its room, its keys): the local's fact
     * and every copy sharing it. Objects that are not locals (fields, {@code this}, call results)
     * keep no room or keys, so calls on them always have their effect.
     */
    private static void updateObject(StowageStore s, ExpressionTree targetExpr, Fact target, java.util.function.UnaryOperator<Fact> change) {
        VariableElement local = localOf(targetExpr);
        if (local == null) {
            return;
        }
        Fact current = s.fact(local);
        if (current == null) {
            s.put(local, change.apply(target)); // an untracked parameter: track it from here on
            return;
        }
        if (current.kind() != Kind.OBJECT) {
            return;
        }
        Fact updated = change.apply(current);
        s.replaceFacts(f -> f.equals(current) ? updated : f); // copies share the fact
    }

    /**
     * A key as the checker can recognize it again: a compile-time constant (normalized, so
     * {@code 1} and {@code 1L} are one key) or an effectively final local variable or parameter
     * (one value for as long as it is in scope); null for anything else.
     */
    static Object keyOf(ExpressionTree t) {
        Object constant = constantValue(t);
        if (constant != null) {
            return new Fact.ConstantKey(constant);
        }
        VariableElement local = localOf(TreeUtils.withoutParens(t));
        return local != null && ElementUtils.isEffectivelyFinal(local) ? local : null;
    }

    /**
     * The value of a compile-time constant: a literal, a constant variable, or a negated one
     * (integral values as {@code Long}, so that the parameter's widening does not matter); null for
     * anything else, including other constant expressions such as {@code 1 + 1}.
     */
    static Object constantValue(ExpressionTree t) {
        t = TreeUtils.withoutParens(t);
        Object v = null;
        if (t instanceof LiteralTree lit) {
            v = lit.getValue();
        } else if (t instanceof UnaryTree u && u.getKind() == Tree.Kind.UNARY_MINUS) {
            Object inner = constantValue(u.getExpression());
            return inner instanceof Long l ? -l : inner instanceof Double d ? -d : null;
        } else if (t instanceof IdentifierTree || t instanceof MemberSelectTree) {
            Element e = TreeUtils.elementFromUse(t);
            v = e instanceof VariableElement ve ? ve.getConstantValue() : null;
        }
        if (v instanceof Character ch) {
            return (long) ch;
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        return v;
    }

    /** The object itself is closed or moved; boxes, collections and views held in it die with it. */
    private void kill(StowageStore s, Fact target, ExpressionTree targetExpr, Effect effect, Tree call) {
        Status status = effect == Effect.CLOSE ? Status.CLOSED : Status.MOVED;
        // Dead only where the query answers known here hold (x.isReadable() false): a loop whose
        // condition asks again does not go round after it. Flags' assumptions are not used for objects.
        java.util.Map<Object, Boolean> answers = s.hasQueries() ? StowageStore.queryAnswers(s.assumptions()) : java.util.Map.of();
        s.replaceFacts(f -> {
            if (f.kind() != Kind.OBJECT || (!f.isLive() && f.guard().isEmpty())) {
                return f;
            }
            if (f.self().equals(target.self())) {
                return f.killedUnder(answers, status, call, effect, false); // must-aliases only
            }
            if ((effect == Effect.CLOSE || effect == Effect.MOVE) && !f.owners().isEmpty() && target.self().containsAll(f.owners())) {
                // Views issued by an object (a Netty slice) die when it is closed or handed away.
                return f.killedUnder(answers, status, call, effect, true);
            }
            return f;
        });
        VariableElement local = localOf(targetExpr);
        if (local != null && s.fact(local) == null) {
            s.put(local, target.killedUnder(answers, status, call, effect, false));
        }
    }

    /** Makes stale every handle and pointer the effect reaches (the invalidation table of docs/store-model.md, narrowed by the guarantees). */
    void invalidate(StowageStore s, Set<OwnerRef> target, Quals q, Effect e, Set<Object> freed, Tree call, boolean viaOwner) {
        s.replaceFacts(f -> {
            if (!f.isLive() && (f.status() != Status.STALE || f.guard().isEmpty())) {
                return f;
            }
            boolean kill = switch (f.kind()) {
                case HANDLE -> mayAlias(f.owners(), target)
                        && (killsHandles(e, q) || (e == Effect.FREE && intersects(f.values(), freed)));
                case POINTER -> (mayAlias(f.owners(), target)
                                && (killsPointers(e, q) || e == Effect.POINTERS
                                        || (e == Effect.FREE && intersects(f.fromHandles(), freed))))
                        || (mayAlias(f.ownerStores(), target) && killsPointers(e, q));
                default -> false;
            };
            return kill ? f.staleUnder(s.assumptions(), call, e, viaOwner) : f;
        });
    }

    /** The invalidation table's handle column, defined once in {@link Effect#killsHandles}. */
    static boolean killsHandles(Effect e, Quals q) {
        return e.killsHandles(q.multiple(), q.shared(), q.persistent());
    }

    /** The invalidation table's pointer column, defined once in {@link Effect#killsPointers}. */
    static boolean killsPointers(Effect e, Quals q) {
        return e.killsPointers(q.stable(), q.pinned());
    }

    boolean mayAlias(Set<OwnerRef> a, Set<OwnerRef> b) {
        for (OwnerRef x : a) {
            for (OwnerRef y : b) {
                if (!x.definitelyDistinct(y, types) && !distinctFreshFields(x, y) && !storeAndCollection(x, y)
                        && !storeAndCollection(y, x)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The unknown store that holds a box or collection is a store: never a box or collection itself. */
    private boolean storeAndCollection(OwnerRef storeOf, OwnerRef other) {
        return storeOf.key() instanceof OwnerRef.StoreOf && other.type() != null
                && isContractTypeNotStore(other.type());
    }

    private boolean isContractTypeNotStore(javax.lang.model.element.TypeElement type) {
        return contracts.isContractType(type) && !contracts.isStoreLike(type);
    }

    // ---------------------------------------------------------------- fields that hold fresh objects

    /**
     * Two different fields that each only ever hold an object created for them never hold the same
     * object, whichever objects they are read from.
     */
    private boolean distinctFreshFields(OwnerRef x, OwnerRef y) {
        return x.origin() == Origin.FIELD && y.origin() == Origin.FIELD && !x.key().equals(y.key())
                && x.key() instanceof VariableElement fx && y.key() instanceof VariableElement fy
                && freshFieldOwnerQuals(fx) != null && freshFieldOwnerQuals(fy) != null;
    }

    /** Per field: empty when it may hold an object not created for it, else what {@link #freshFieldOwnerQuals} says. */
    private final java.util.Map<VariableElement, java.util.Optional<Quals>> freshFields = new java.util.HashMap<>();

    /**
     * For a field that only ever holds objects created for it (final, and initialized, or assigned
     * in every constructor, with {@code new} or an {@code @Issues} factory): the guarantees the
     * stores holding those objects share (none known for a {@code new}); null for any other field.
     */
    Quals freshFieldOwnerQuals(VariableElement field) {
        var cached = freshFields.get(field);
        if (cached == null) {
            unattributed = false;
            cached = java.util.Optional.ofNullable(computeFreshFieldOwnerQuals(field));
            if (unattributed) {
                return null; // asked again once javac attributed the field's class
            }
            freshFields.put(field, cached);
        }
        return cached.orElse(null);
    }

    /**
     * Set when the field's class was not attributed yet: javac checks one class after another, and
     * when it also lowers and generates each class before attributing the next (findings as
     * warnings), a class may read a field of a class of the same compilation whose trees have no
     * symbols yet. Such a field is "not known fresh" (netty-example's
     * {@code HelloWorldHttp2Handler.RESPONSE_BYTES}, read by another class, crashed the checker).
     */
    private boolean unattributed;

    /** The element a tree of the field's class uses or declares; null (and {@link #unattributed}) when javac has not attributed it yet. */
    private Element attributedElement(Tree t) {
        Element e = TreeUtils.elementFromTree(t);
        if (e == null && (t instanceof IdentifierTree || t instanceof MemberSelectTree || t instanceof MethodInvocationTree
                || t instanceof com.sun.source.tree.VariableTree)) {
            unattributed = true; // these always have one once attributed (an array element has none)
        }
        return e;
    }

    private Quals computeFreshFieldOwnerQuals(VariableElement field) {
        if (!field.getModifiers().contains(Modifier.FINAL)
                || !(declarations.apply(field.getEnclosingElement()) instanceof com.sun.source.tree.ClassTree cls)) {
            return null;
        }
        for (Tree member : cls.getMembers()) {
            if (member instanceof com.sun.source.tree.VariableTree v && v.getInitializer() != null
                    && field.equals(attributedElement(v))) {
                return freshOwnerQuals(v.getInitializer());
            }
        }
        if (field.getModifiers().contains(Modifier.STATIC)) {
            return null; // assigned in a static initializer: not followed
        }
        Quals q = null;
        for (Tree member : cls.getMembers()) {
            if (member instanceof com.sun.source.tree.MethodTree m && TreeUtils.isConstructor(m) && m.getBody() != null) {
                if (TreeUtils.containsThisConstructorInvocation(m)) {
                    continue; // this(...) delegates: the constructor it calls assigns the field
                }
                Quals assigned = assignedFreshOwnerQuals(m.getBody(), field);
                if (assigned == null) {
                    return null;
                }
                q = q == null ? assigned : q.meet(assigned);
            }
        }
        return q; // a final field without an initializer is assigned in every constructor
    }

    /** When every assignment to {@code field} in the body assigns a fresh object (and there is one): its store's guarantees; else null. */
    private Quals assignedFreshOwnerQuals(Tree body, VariableElement field) {
        Quals[] q = {null};
        boolean[] fresh = {true};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAssignment(com.sun.source.tree.AssignmentTree node, Void p) {
                if (field.equals(attributedElement(node.getVariable()))) {
                    Quals one = freshOwnerQuals(node.getExpression());
                    fresh[0] &= one != null;
                    q[0] = one == null ? q[0] : q[0] == null ? one : q[0].meet(one);
                }
                return super.visitAssignment(node, p);
            }
        }.scan(body, null);
        return fresh[0] ? q[0] : null;
    }

    /**
     * For an expression that creates an object ({@code new}, an {@code @Issues} factory): the
     * guarantees of the store the factory puts it in, as the declared type of that argument states
     * them (none for {@code new}); null for anything else.
     */
    private Quals freshOwnerQuals(ExpressionTree e) {
        e = skip(e);
        if (e instanceof NewClassTree) {
            return Quals.NONE;
        }
        if (e instanceof MethodInvocationTree mi) {
            ExecutableElement m = attributedElement(mi) instanceof ExecutableElement x ? x : null;
            Contract c = m == null ? Contract.NONE : contracts.of(m);
            if (!c.issues() || m.getReturnType().getKind().isPrimitive()) {
                return null;
            }
            ExpressionTree owner = argumentOrReceiver(mi, c.issuesOwner());
            if (owner == null) {
                return Quals.NONE;
            }
            VariableElement local = skip(owner) instanceof IdentifierTree id && isLocal(attributedElement(id)) ? localOf(owner) : null;
            TypeMirror type = local != null ? local.asType() : TreeUtils.typeOf(owner);
            if (type == null) {
                unattributed = true;
                return null;
            }
            return contracts.qualsOf(type);
        }
        return null;
    }

    static boolean intersects(Set<Object> a, Set<Object> b) {
        for (Object o : b) {
            if (a.contains(o)) {
                return true;
            }
        }
        return false;
    }
}
