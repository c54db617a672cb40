package dev.stowage.checker;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Decides, before any dataflow, whether a compilation unit can produce a Stowage finding at all: it
 * must name a type with store contracts or qualifiers (a store, box, collection or a user's
 * annotated helper, or a type a library model describes, such as {@code Arena}), a member of one,
 * a method with a contract, or an annotation of {@code dev.stowage.qual}. Ordinary Java
 * that mentions none is skipped whole, which is what keeps the checker's cost on store-free code
 * near zero. One scan of the attributed tree; lookups are cached per type by {@link StoreContracts}.
 */
final class Relevance {

    private final StoreContracts contracts;
    private final Trees trees;

    Relevance(StoreContracts contracts, Trees trees) {
        this.contracts = contracts;
        this.trees = trees;
    }

    boolean mentionsContracts(CompilationUnitTree unit) {
        return mentionsContracts(unit, unit);
    }

    /** The same question for one method or other subtree of {@code unit}. */
    boolean mentionsContracts(CompilationUnitTree unit, Tree tree) {
        Finder finder = new Finder(unit);
        try {
            finder.scan(tree, null);
        } catch (Found found) {
            return true;
        }
        return false;
    }

    /** Thrown to leave the scan at the first relevant name. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    private final class Finder extends com.sun.source.util.TreeScanner<Void, Void> {
        private final CompilationUnitTree unit;

        Finder(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void p) {
            check(node);
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void p) {
            check(node);
            return super.visitMemberSelect(node, p);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void p) {
            check(node);
            return super.visitNewClass(node, p);
        }

        @Override
        public Void visitAnnotation(AnnotationTree node, Void p) {
            check(node.getAnnotationType());
            return super.visitAnnotation(node, p);
        }

        private void check(Tree node) {
            Element e = org.checkerframework.javacutil.TreeUtils.elementFromTree(node);
            if (e != null && relevant(e)) {
                throw new Found();
            }
        }
    }

    /** Per element (javac's symbols are unique per compilation): most names are met many times in a unit and across units. */
    private final java.util.Map<Element, Boolean> decided = new java.util.IdentityHashMap<>();

    private boolean relevant(Element e) {
        Boolean known = decided.get(e);
        if (known == null) {
            known = decide(e);
            decided.put(e, known);
        }
        return known;
    }

    private boolean decide(Element e) {
        if (e instanceof TypeElement te) {
            return te.getQualifiedName().toString().startsWith(StoreContracts.QUAL_PACKAGE) || contracts.isContractType(te);
        }
        if (e instanceof ExecutableElement m) {
            if (m.getEnclosingElement() instanceof TypeElement owner && contracts.isContractType(owner)) {
                return true;
            }
            // a call whose contract ties memory to its arguments (FileChannel.map(…, arena)) or makes a store
            return contracts.tiesMemory(m);
        }
        if (e instanceof VariableElement v) {
            return contracts.isContractType(v.asType());
        }
        return false;
    }
}
