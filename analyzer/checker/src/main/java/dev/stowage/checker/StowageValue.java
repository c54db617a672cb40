package dev.stowage.checker;

import org.checkerframework.dataflow.analysis.AbstractValue;

/**
 * The dataflow value of an expression: the Stowage analysis keeps all it knows in the store's
 * per-local facts, so expressions carry no value of their own.
 */
enum StowageValue implements AbstractValue<StowageValue> {
    NONE;

    @Override
    public StowageValue leastUpperBound(StowageValue other) {
        return this;
    }
}
