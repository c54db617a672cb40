package dev.stowage.checker;

import java.util.HashMap;
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

    StowageStore() {
        this.facts = new HashMap<>();
    }

    private StowageStore(Map<VariableElement, Fact> facts) {
        this.facts = new HashMap<>(facts);
    }

    Fact fact(VariableElement local) {
        return local == null ? null : facts.get(local);
    }

    void put(VariableElement local, Fact fact) {
        facts.put(local, fact);
    }

    void remove(VariableElement local) {
        facts.remove(local);
    }

    /** True when some tracked local's fact passes the test (a read-only scan, cheaper than a replace). */
    boolean anyFact(java.util.function.Predicate<Fact> test) {
        for (Fact f : facts.values()) {
            if (test.test(f)) {
                return true;
            }
        }
        return false;
    }

    void replaceFacts(UnaryOperator<Fact> update) {
        facts.replaceAll((k, v) -> update.apply(v));
    }

    @Override
    public StowageStore copy() {
        return new StowageStore(facts);
    }

    @Override
    public StowageStore leastUpperBound(StowageStore other) {
        StowageStore result = new StowageStore(facts);
        for (var e : other.facts.entrySet()) {
            result.facts.merge(e.getKey(), e.getValue(), Fact::join);
        }
        return result;
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
        return o instanceof StowageStore other && facts.equals(other.facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("StowageStore{");
        facts.forEach((k, v) -> b.append(k.getSimpleName()).append('=').append(v).append("; "));
        return b.append('}').toString();
    }
}
