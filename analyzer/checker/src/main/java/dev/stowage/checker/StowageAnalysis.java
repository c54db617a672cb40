package dev.stowage.checker;

import javax.lang.model.type.TypeMirror;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.flow.CFAbstractAnalysis;
import org.checkerframework.framework.flow.CFValue;
import org.checkerframework.javacutil.AnnotationMirrorSet;

/** The Stowage dataflow analysis: the framework's, with {@link StowageStore}s. */
final class StowageAnalysis extends CFAbstractAnalysis<CFValue, StowageStore, StowageTransfer> {

    StowageAnalysis(BaseTypeChecker checker, StowageAnnotatedTypeFactory factory) {
        super(checker, factory);
    }

    @Override
    public StowageStore createEmptyStore(boolean sequentialSemantics) {
        return new StowageStore(this, sequentialSemantics);
    }

    @Override
    public StowageStore createCopiedStore(StowageStore s) {
        return new StowageStore(s);
    }

    @Override
    public CFValue createAbstractValue(AnnotationMirrorSet annotations, TypeMirror underlyingType) {
        return getCfValue(this, annotations, underlyingType);
    }
}
