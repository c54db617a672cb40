package dev.stowage.checker;

import com.sun.source.tree.Tree;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.lang.model.element.VariableElement;
import org.checkerframework.dataflow.analysis.Store;
import org.checkerframework.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.dataflow.expression.JavaExpression;

/**
 * The dataflow store: a {@link Fact} per tracked local (handles, pointers, stores, boxes,
 * collections, closures that captured them). Where paths meet, a variable tracked on either path
 * stays tracked and its facts join (stale on any path is stale), so a use is reported on the paths
 * where the value may be stale and nowhere else.
 */
public final class StowageStore implements Store<StowageStore> {

    private final Map<VariableElement, Fact> facts;
    /**
     * Pointers that are not in a local yet: the result of a call that is the receiver or an argument
     * of an enclosing call whose later arguments may invalidate it (Java evaluates the receiver,
     * then the arguments, left to right). Keyed by the call tree; empty almost always.
     */
    private Map<Tree, Fact> temporaries;
    /**
     * The values of effectively final {@code boolean} locals known on this path (from the branches
     * taken on them), and the answers of {@code @Query} calls on locals ({@link Query}): a value made
     * stale here is stale only under them (correlated conditions).
     */
    private Map<Object, Boolean> assumptions;
    /**
     * The values of reassignable {@code boolean} locals whose last assignment on every path here was
     * a literal (the success-flag idiom: {@code boolean ok = false; try { ...; ok = true; } finally
     * { if (!ok) buf.release(); }}). Unlike {@link #assumptions}, a value here is forgotten at the
     * next assignment, so nothing is made stale "under" it: it only prunes the branch it contradicts.
     */
    private Map<VariableElement, Boolean> constants;
    /**
     * No execution reaches here: the branch a known constant contradicts, or the exceptional exit of
     * a call that never throws. Holds no facts (nothing is reported under it) and is the identity of
     * the join.
     */
    private boolean dead;

    StowageStore() {
        this.facts = new HashMap<>();
        this.temporaries = Map.of();
        this.assumptions = Map.of();
        this.constants = Map.of();
    }

    private StowageStore(Map<VariableElement, Fact> facts, Map<Tree, Fact> temporaries, Map<Object, Boolean> assumptions,
            Map<VariableElement, Boolean> constants) {
        this.facts = new HashMap<>(facts);
        this.temporaries = temporaries.isEmpty() ? Map.of() : new IdentityHashMap<>(temporaries);
        this.assumptions = assumptions;
        this.constants = constants;
    }

    /** The store of a place no execution reaches (see {@link #dead}). */
    static StowageStore unreachable() {
        StowageStore s = new StowageStore();
        s.dead = true;
        return s;
    }

    boolean isDead() {
        return dead;
    }

    /**
     * The answer of a {@code @Query} call on a local ({@code x.isReadable()}), known on a path from
     * the branch taken on it: a key of {@link #assumptions}, and of a stale fact's guard.
     */
    record Query(VariableElement receiver, javax.lang.model.element.ExecutableElement method) {}

    /** The literal a reassignable {@code boolean} local holds on every path here, or null when unknown. */
    Boolean constant(VariableElement local) {
        return constants.get(local);
    }

    /** The query answers among these assumptions (flags left out). */
    static Map<Object, Boolean> queryAnswers(Map<Object, Boolean> assumptions) {
        Map<Object, Boolean> out = new HashMap<>();
        assumptions.forEach((k, v) -> {
            if (k instanceof Query) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The known answer of a query on this path, or null. */
    Boolean answer(Query q) {
        return assumptions.get(q);
    }

    /** True when some query answer on {@code receiver} is known here, or guards a stale fact. */
    boolean knowsQueriesOn(VariableElement receiver) {
        for (Object k : assumptions.keySet()) {
            if (k instanceof Query q && q.receiver().equals(receiver)) {
                return true;
            }
        }
        return anyFact(f -> f.unguardedOn(receiver) != f);
    }

    /**
     * Forgets every query answer on {@code receiver} (a call that may change it, an assignment to it);
     * values made stale under such an answer are stale on every path from here.
     */
    void forgetQueriesOn(VariableElement receiver) {
        if (!hasQueries || !knowsQueriesOn(receiver)) {
            return;
        }
        hash = 0;
        Map<Object, Boolean> known = new HashMap<>(assumptions);
        known.keySet().removeIf(k -> k instanceof Query q && q.receiver().equals(receiver));
        assumptions = Map.copyOf(known);
        replaceFacts(f -> f.unguardedOn(receiver));
    }

    /** Forgets every query answer (a lambda body runs later, when they may no longer hold). */
    void forgetAllQueries() {
        if (!hasQueries) {
            return;
        }
        hash = 0;
        Map<Object, Boolean> known = new HashMap<>(assumptions);
        known.keySet().removeIf(k -> k instanceof Query);
        assumptions = Map.copyOf(known);
        replaceFacts(f -> f.unguardedOn(null));
    }

    /** True once a query answer was assumed on some path into here (a cheap filter for forgetting). */
    boolean hasQueries() {
        return hasQueries;
    }

    /** Set by {@link #assume} with a {@link Query}; kept by copies and joins (only a filter). */
    private boolean hasQueries;

    /** Records (value non-null) or forgets (null) the literal a {@code boolean} local was just assigned. */
    void setConstant(VariableElement local, Boolean value) {
        if (value == null ? !constants.containsKey(local) : value.equals(constants.get(local))) {
            return;
        }
        hash = 0;
        Map<VariableElement, Boolean> known = new HashMap<>(constants);
        if (value == null) {
            known.remove(local);
        } else {
            known.put(local, value);
        }
        constants = Map.copyOf(known);
    }

    Map<Object, Boolean> assumptions() {
        return assumptions;
    }

    /**
     * This store on the branch where {@code flag} is {@code value}: values made stale only where it
     * is not are live here.
     */
    StowageStore assume(Object flag, boolean value) {
        StowageStore result = copy();
        Map<Object, Boolean> known = new HashMap<>(assumptions);
        known.put(flag, value);
        result.assumptions = Map.copyOf(known);
        result.hasQueries |= flag instanceof Query;
        if (result.anyFact(f -> f.liveWhen(flag, value))) {
            result.replaceFacts(f -> f.liveWhen(flag, value) ? f.revived() : f);
        }
        return result;
    }

    boolean hasTemporaries() {
        return !temporaries.isEmpty();
    }

    Fact temporary(Tree call) {
        return temporaries.get(call);
    }

    void putTemporary(Tree call, Fact fact) {
        hash = 0;
        if (temporaries.isEmpty()) {
            temporaries = new IdentityHashMap<>();
        }
        temporaries.put(call, fact);
    }

    void removeTemporary(Tree call) {
        hash = 0;
        if (!temporaries.isEmpty()) {
            temporaries.remove(call);
        }
    }

    Fact fact(VariableElement local) {
        return local == null ? null : facts.get(local);
    }

    void put(VariableElement local, Fact fact) {
        hash = 0;
        facts.put(local, fact);
    }

    void remove(VariableElement local) {
        hash = 0;
        facts.remove(local);
    }

    /** True when some tracked local's fact passes the test (a read-only scan, cheaper than a replace). */
    boolean anyFact(java.util.function.Predicate<Fact> test) {
        for (Fact f : facts.values()) {
            if (test.test(f)) {
                return true;
            }
        }
        for (Fact f : temporaries.values()) {
            if (test.test(f)) {
                return true;
            }
        }
        return false;
    }

    void replaceFacts(UnaryOperator<Fact> update) {
        hash = 0;
        facts.replaceAll((k, v) -> update.apply(v));
        if (!temporaries.isEmpty()) {
            temporaries.replaceAll((k, v) -> update.apply(v));
        }
    }

    @Override
    public StowageStore copy() {
        StowageStore c = new StowageStore(facts, temporaries, assumptions, constants);
        c.dead = dead;
        c.hasQueries = hasQueries;
        return c;
    }

    @Override
    public StowageStore leastUpperBound(StowageStore other) {
        if (dead) {
            return other.copy();
        }
        if (other.dead) {
            return copy();
        }
        StowageStore result = new StowageStore(facts, temporaries, commonAssumptions(assumptions, other.assumptions),
                commonAssumptions(constants, other.constants));
        result.hasQueries = hasQueries || other.hasQueries;
        for (var e : other.facts.entrySet()) {
            result.facts.merge(e.getKey(), e.getValue(), Fact::join);
        }
        for (var e : other.temporaries.entrySet()) {
            if (result.temporaries.isEmpty()) {
                result.temporaries = new IdentityHashMap<>();
            }
            result.temporaries.merge(e.getKey(), e.getValue(), Fact::join);
        }
        return result;
    }

    private static <K> Map<K, Boolean> commonAssumptions(Map<K, Boolean> a, Map<K, Boolean> b) {
        if (a.isEmpty() || a.equals(b)) {
            return a;
        }
        Map<K, Boolean> common = new HashMap<>();
        a.forEach((k, v) -> {
            if (v.equals(b.get(k))) {
                common.put(k, v);
            }
        });
        return Map.copyOf(common);
    }

    /** The lattice has finite height per method (identities are trees of the method), so no widening is needed. */
    @Override
    public StowageStore widenedUpperBound(StowageStore previous) {
        return leastUpperBound(previous);
    }

    @Override
    public boolean canAlias(JavaExpression a, JavaExpression b) {
        return true;
    }

    @Override
    public String visualize(CFGVisualizer<?, StowageStore, ?> viz) {
        return toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StowageStore other && facts.equals(other.facts) && temporaries.equals(other.temporaries)
                && assumptions.equals(other.assumptions) && constants.equals(other.constants) && dead == other.dead;
    }

    /**
     * Cached: the framework hashes a store each time it looks up the facts before a tree (its cache
     * is keyed by the block's input). 0 means not computed; every change resets it.
     */
    private int hash;

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = facts.hashCode() * 31 + temporaries.hashCode() * 17 + assumptions.hashCode() * 7 + constants.hashCode() + (dead ? 1 : 0);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(dead ? "StowageStore{unreachable " : "StowageStore{");
        facts.forEach((k, v) -> b.append(k.getSimpleName()).append('=').append(v).append("; "));
        return b.append('}').toString();
    }
}
