package dev.stowage.checker;

import dev.stowage.checker.qual.MultipleHandles;
import dev.stowage.checker.qual.PinnedMemory;
import dev.stowage.checker.qual.SharedMember;
import dev.stowage.checker.qual.StableMemory;
import dev.stowage.checker.qual.UnknownMultiplicity;
import dev.stowage.checker.qual.UnknownSharing;
import dev.stowage.checker.qual.UnknownStability;
import dev.stowage.qual.Multiple;
import dev.stowage.qual.Pinned;
import dev.stowage.qual.SharedStore;
import dev.stowage.qual.Stable;
import java.lang.annotation.Annotation;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedDeclaredType;
import com.sun.source.tree.NewClassTree;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.treeannotator.ListTreeAnnotator;
import org.checkerframework.framework.type.treeannotator.TreeAnnotator;
import org.checkerframework.framework.type.typeannotator.ListTypeAnnotator;
import org.checkerframework.framework.type.typeannotator.TypeAnnotator;
import java.util.Set;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.flow.CFAbstractAnalysis;
import org.checkerframework.framework.flow.CFValue;
import org.checkerframework.framework.type.GenericAnnotatedTypeFactory;
import org.checkerframework.javacutil.AnnotationBuilder;

/**
 * Three qualifier hierarchies, written by users with the public annotations of
 * {@code dev.stowage.qual} and aliased here to the checker's internal qualifiers:
 * stability ({@code @Pinned <: @Stable <: unknown}), multiplicity ({@code @Multiple <: unknown}) and
 * sharing ({@code @SharedStore <: unknown}). A qualifier on a class declaration is the default for
 * every use of the class, so {@code new ArenaStore()} is {@code @Stable @Multiple}. Passing a store
 * that lacks a required guarantee is the framework's own type error.
 */
public class StowageAnnotatedTypeFactory
        extends GenericAnnotatedTypeFactory<CFValue, StowageStore, StowageTransfer, StowageAnalysis> {

    private final Tracking tracking;

    public StowageAnnotatedTypeFactory(BaseTypeChecker checker) {
        super(checker);
        this.tracking = new Tracking(new StoreContracts(elements, types), this::declarationFromElement);
        addAliasedTypeAnnotation(Stable.class, AnnotationBuilder.fromClass(elements, StableMemory.class));
        addAliasedTypeAnnotation(Pinned.class, AnnotationBuilder.fromClass(elements, PinnedMemory.class));
        addAliasedTypeAnnotation(Multiple.class, AnnotationBuilder.fromClass(elements, MultipleHandles.class));
        addAliasedTypeAnnotation(SharedStore.class, AnnotationBuilder.fromClass(elements, SharedMember.class));
        postInit();
    }

    /** Uses of a store class get the qualifiers written on its declaration, unless the use says otherwise. */
    @Override
    protected TypeAnnotator createTypeAnnotator() {
        return new ListTypeAnnotator(super.createTypeAnnotator(), new ClassQualifiers());
    }

    /** {@code new Arena()} is what the class {@code Arena} guarantees. */
    @Override
    protected TreeAnnotator createTreeAnnotator() {
        return new ListTreeAnnotator(super.createTreeAnnotator(), new TreeAnnotator(this) {
            @Override
            public Void visitNewClass(NewClassTree tree, AnnotatedTypeMirror type) {
                if (type instanceof AnnotatedDeclaredType declared
                        && declared.getUnderlyingType().asElement() instanceof TypeElement te) {
                    Quals q = StoreContracts.fromAnnotations(te.getAnnotationMirrors());
                    if (q.pinned()) {
                        type.replaceAnnotation(AnnotationBuilder.fromClass(elements, PinnedMemory.class));
                    } else if (q.stable()) {
                        type.replaceAnnotation(AnnotationBuilder.fromClass(elements, StableMemory.class));
                    }
                    if (q.multiple()) {
                        type.replaceAnnotation(AnnotationBuilder.fromClass(elements, MultipleHandles.class));
                    }
                    if (q.shared()) {
                        type.replaceAnnotation(AnnotationBuilder.fromClass(elements, SharedMember.class));
                    }
                }
                return super.visitNewClass(tree, type);
            }
        });
    }

    private final class ClassQualifiers extends TypeAnnotator {
        private final AnnotationMirror stable = AnnotationBuilder.fromClass(elements, StableMemory.class);
        private final AnnotationMirror pinned = AnnotationBuilder.fromClass(elements, PinnedMemory.class);
        private final AnnotationMirror multiple = AnnotationBuilder.fromClass(elements, MultipleHandles.class);
        private final AnnotationMirror shared = AnnotationBuilder.fromClass(elements, SharedMember.class);

        ClassQualifiers() {
            super(StowageAnnotatedTypeFactory.this);
        }

        @Override
        public Void visitDeclared(AnnotatedDeclaredType type, Void p) {
            if (type.getUnderlyingType().asElement() instanceof TypeElement te) {
                Quals q = StoreContracts.fromAnnotations(te.getAnnotationMirrors());
                if (q.pinned()) {
                    type.addMissingAnnotation(pinned);
                } else if (q.stable()) {
                    type.addMissingAnnotation(stable);
                }
                if (q.multiple()) {
                    type.addMissingAnnotation(multiple);
                }
                if (q.shared()) {
                    type.addMissingAnnotation(shared);
                }
            }
            return super.visitDeclared(type, p);
        }
    }

    Tracking tracking() {
        return tracking;
    }

    StoreContracts contracts() {
        return tracking.contracts();
    }

    @Override
    protected Set<Class<? extends Annotation>> createSupportedTypeQualifiers() {
        return Set.of(UnknownStability.class, StableMemory.class, PinnedMemory.class,
                UnknownMultiplicity.class, MultipleHandles.class, UnknownSharing.class, SharedMember.class);
    }

    @Override
    protected StowageAnalysis createFlowAnalysis() {
        return new StowageAnalysis(checker, this);
    }

    @Override
    public StowageTransfer createFlowTransferFunction(CFAbstractAnalysis<CFValue, StowageStore, StowageTransfer> analysis) {
        return new StowageTransfer((StowageAnalysis) analysis, tracking);
    }
}
