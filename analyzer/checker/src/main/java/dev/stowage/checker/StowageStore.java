package dev.stowage.checker;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.lang.model.element.VariableElement;
import org.checkerframework.framework.flow.CFAbstractAnalysis;
import org.checkerframework.framework.flow.CFAbstractStore;
import org.checkerframework.framework.flow.CFValue;

/**
 * The dataflow store: the Checker Framework's qualifier facts, plus a {@link Fact} per tracked
 * local (handles, pointers, stores, boxes, collections, lambdas that captured them). Where paths
 * meet, a variable tracked on either path stays tracked and its facts join (stale on any path is
 * stale), so a use is reported on the paths where the value may be stale and nowhere else.
 */
public final class StowageStore extends CFAbstractStore<CFValue, StowageStore> {

    private final Map<VariableElement, Fact> facts;

    StowageStore(CFAbstractAnalysis<CFValue, StowageStore, ?> analysis, boolean sequentialSemantics) {
        super(analysis, sequentialSemantics);
        this.facts = new HashMap<>();
    }

    StowageStore(StowageStore other) {
        super(other);
        this.facts = new HashMap<>(other.facts);
    }

    Fact fact(VariableElement local) {
        return facts.get(local);
    }

    void put(VariableElement local, Fact fact) {
        facts.put(local, fact);
    }

    void remove(VariableElement local) {
        facts.remove(local);
    }

    void replaceFacts(UnaryOperator<Fact> update) {
        facts.replaceAll((k, v) -> update.apply(v));
    }

    Map<VariableElement, Fact> facts() {
        return facts;
    }

    @Override
    public StowageStore leastUpperBound(StowageStore other) {
        StowageStore result = super.leastUpperBound(other);
        result.joinFacts(this, other);
        return result;
    }

    @Override
    public StowageStore widenedUpperBound(StowageStore previous) {
        StowageStore result = super.widenedUpperBound(previous);
        result.joinFacts(this, previous);
        return result;
    }

    private void joinFacts(StowageStore a, StowageStore b) {
        facts.clear();
        facts.putAll(a.facts);
        for (var e : b.facts.entrySet()) {
            facts.merge(e.getKey(), e.getValue(), Fact::join);
        }
    }

    @Override
    protected boolean supersetOf(CFAbstractStore<CFValue, StowageStore> other) {
        if (!super.supersetOf(other) || !(other instanceof StowageStore o)) {
            return false;
        }
        for (var e : o.facts.entrySet()) {
            Fact mine = facts.get(e.getKey());
            if (mine == null || !mine.join(e.getValue()).equals(mine)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StowageStore other && facts.equals(other.facts) && super.equals(o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), facts);
    }

    @Override
    public String toString() {
        return super.toString() + " facts=" + facts;
    }
}
