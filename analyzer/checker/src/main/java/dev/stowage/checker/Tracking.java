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
                return synthesized(t, new OwnerRef(Origin.FIELD, e, StoreContracts.typeElement(type)), type);
            }
        }
        if (t instanceof NewClassTree) {
            return synthesized(t, new OwnerRef(Origin.FRESH, t, StoreContracts.typeElement(type)), type);
        }
        if (t instanceof MethodInvocationTree mi) {
            ExecutableElement m = TreeUtils.elementFromUse(mi);
            Contract c = contracts.of(m);
            if (c.issues() && !m.getReturnType().getKind().isPrimitive()) {
                Fact owner = objectFact(argumentOrReceiver(mi, c.issuesOwner()), s);
                return Fact.object(mi, Set.of(new OwnerRef(Origin.FRESH, mi, StoreContracts.typeElement(type))),
                        owner.self(), contracts.qualsOf(type), owner.quals());
            }
            return synthesized(t, new OwnerRef(Origin.UNKNOWN, t, StoreContracts.typeElement(type)), type);
        }
        if (t instanceof ConditionalExpressionTree c) {
            return objectFact(c.getTrueExpression(), s).join(objectFact(c.getFalseExpression(), s));
        }
        return synthesized(t, new OwnerRef(Origin.UNKNOWN, t, StoreContracts.typeElement(type)), type);
    }

    /**
     * An object the flow has no fact for. A store owns its memory; a box or collection of unknown
     * origin keeps it in some store the analysis cannot name, which may be any store that is not
     * fresh (for a parameter: any store that existed on entry).
     */
    private Fact synthesized(Object origin, OwnerRef ref, TypeMirror type) {
        Set<OwnerRef> owners = contracts.isStoreLike(type)
                ? Set.of()
                : Set.of(new OwnerRef(ref.origin() == Origin.PARAM ? Origin.PARAM : Origin.UNKNOWN, new OwnerRef.StoreOf(ref.key()), null));
        return Fact.object(origin instanceof Tree t ? t : null, Set.of(ref), owners, contracts.qualsOf(type), Quals.NONE);
    }

    /** Argument {@code position} (from 1) of a call, or its receiver for 0 ({@code null}: implicit this). */
    static ExpressionTree argumentOrReceiver(MethodInvocationTree call, int position) {
        if (position == 0) {
            return TreeUtils.getReceiverTree(call);
        }
        List<? extends ExpressionTree> args = call.getArguments();
        return position - 1 < args.size() ? args.get(position - 1) : null;
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
            // A pointer derived from a pointer (asSlice, reinterpret) is as stale as its source.
            VariableElement receiver = localOf(TreeUtils.getReceiverTree(mi));
            Fact rf = receiver == null ? null : s.fact(receiver);
            TypeMirror result = TreeUtils.typeOf(mi);
            if (rf != null && rf.kind() == Kind.POINTER
                    && types.isSameType(types.erasure(result), types.erasure(receiver.asType()))) {
                return rf;
            }
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
        Contract c = contracts.of(m);
        if (c.invalidations().isEmpty() && c.reservesParam() == 0) {
            return;
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
            } else {
                continue;
            }
            Fact target = objectFact(targetExpr, s);
            if (inv.unlessReserved() && target.room() > 0) {
                // Within reserved room (@Reserves): no effect; the call uses one unit of the room.
                updateObject(s, targetExpr, target, f -> f.withRoom(f.room() - 1));
                continue;
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
        if (c.reservesParam() > 0 && instanceCall && c.reservesParam() - 1 < args.size()) {
            // After the reserve's own effect, the receiver has room for n more (n a constant; else none known).
            Object n = constantValue(args.get(c.reservesParam() - 1));
            long room = n instanceof Number num && !(n instanceof Double || n instanceof Float) ? Math.max(0, num.longValue()) : 0;
            updateObject(s, receiver, objectFact(receiver, s), f -> f.withRoom(room));
        }
    }

    /** One {@code @Invalidates} that is not skipped, on the object {@code target} denotes (SPEC §2's table). */
    private void applyEffect(Tree call, Invalidation inv, ExpressionTree targetExpr, Fact target,
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
        if (!s.anyFact(f -> (loseRoom && f.room() > 0) || !f.presentKeys().isEmpty())) {
            return; // the common case: nothing known to forget, so no rewrite of every fact
        }
        s.replaceFacts(f -> f.kind() == Kind.OBJECT && ((loseRoom && f.room() > 0) || !f.presentKeys().isEmpty())
                        && mayAlias(f.self(), target)
                ? f.withRoom(loseRoom ? 0 : f.room()).withPresentKeys(Set.of())
                : f);
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

    /** The object itself is closed or moved; boxes and collections held in a closed store die with it. */
    private void kill(StowageStore s, Fact target, ExpressionTree targetExpr, Effect effect, Tree call) {
        Status status = effect == Effect.CLOSE ? Status.CLOSED : Status.MOVED;
        s.replaceFacts(f -> {
            if (f.kind() != Kind.OBJECT || !f.isLive()) {
                return f;
            }
            if (f.self().equals(target.self())) {
                return f.killedBy(status, call, effect, false); // must-aliases only
            }
            if (effect == Effect.CLOSE && !f.owners().isEmpty() && target.self().containsAll(f.owners())) {
                return f.killedBy(Status.CLOSED, call, effect, true);
            }
            return f;
        });
        VariableElement local = localOf(targetExpr);
        if (local != null && s.fact(local) == null) {
            s.put(local, target.killedBy(status, call, effect, false));
        }
    }

    /** Makes stale every handle and pointer the effect reaches (SPEC §2's table, narrowed by the guarantees). */
    void invalidate(StowageStore s, Set<OwnerRef> target, Quals q, Effect e, Set<Object> freed, Tree call, boolean viaOwner) {
        s.replaceFacts(f -> {
            if (!f.isLive()) {
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
            return kill ? f.killedBy(Status.STALE, call, e, viaOwner) : f;
        });
    }

    /** The invalidation table's handle column, defined once in {@link Effect#killsHandles}. */
    static boolean killsHandles(Effect e, Quals q) {
        return e.killsHandles(q.multiple(), q.shared());
    }

    /** The invalidation table's pointer column, defined once in {@link Effect#killsPointers}. */
    static boolean killsPointers(Effect e, Quals q) {
        return e.killsPointers(q.stable(), q.pinned());
    }

    boolean mayAlias(Set<OwnerRef> a, Set<OwnerRef> b) {
        for (OwnerRef x : a) {
            for (OwnerRef y : b) {
                if (!x.definitelyDistinct(y, types)) {
                    return true;
                }
            }
        }
        return false;
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
