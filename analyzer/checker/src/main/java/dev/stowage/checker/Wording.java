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
 * The words of findings: what a value is called, where it came from, what invalidated it, and the
 * related places; the sentences themselves are {@link Template}s. One instance per compilation unit.
 */
final class Wording {

    private final SourceText src;
    private final StoreContracts contracts;

    Wording(SourceText src, StoreContracts contracts) {
        this.src = src;
        this.contracts = contracts;
    }

    private StoreContracts contracts() {
        return contracts;
    }

    /** 'store' for a Stowage store, else the type's simple name (Arena, ByteBuf, MemoryStack). */
    String noun(ExpressionTree use) {
        TypeMirror type = TreeUtils.typeOf(use);
        var te = StoreContracts.typeElement(type);
        if (contracts().isStoreLike(type) && (te == null || !contracts().ownsMemory(te))) {
            return "store"; // a Stowage store; a library's type (Arena, ByteBuf, MemoryStack) is named as itself
        }
        return te == null ? "object" : te.getSimpleName().toString();
    }

    static String handlePhrase(Fact f) {
        if (f.causeEffect() == null) {
            return "invalidated it";
        }
        return switch (f.causeEffect()) {
            case CLOSE -> "closed its store";
            case MOVE -> "moved its store";
            case ALLOCATE -> "may have reused its memory (the store is not @Multiple)";
            case FREE -> "freed or moved its allocation";
            default -> "invalidated it";
        };
    }

    static String pointerPhrase(Fact f) {
        if (f.causeEffect() == null) {
            return "may have moved its memory";
        }
        return switch (f.causeEffect()) {
            case CLOSE -> "freed its memory";
            case MOVE -> "moved its memory";
            case POINTERS -> "invalidated it";
            default -> "may have moved its memory";
        };
    }

    /** " (resolved from 'store' at line 12)" or " (issued by 'store' at line 10)", or "" when unknown. */
    Object originClause(Fact f) {
        if (!(f.origin() instanceof MethodInvocationTree origin)) {
            return "";
        }
        String owner = ownerText(origin);
        return Message.of(f.kind() == Kind.POINTER ? Template.ORIGIN_RESOLVED : Template.ORIGIN_ISSUED, owner == null ? "this" : owner,
                src.range(origin));
    }

    /** The text of the store, box or collection an @Resolves/@Issues call was made on. */
    String ownerText(Tree origin) {
        if (!(origin instanceof MethodInvocationTree mi)) {
            return null;
        }
        Contract c = contracts().of(TreeUtils.elementFromUse(mi));
        int pos = c.resolves() ? c.resolvesOwner() : c.issues() ? c.issuesOwner() : -1;
        if (pos < 0) {
            return null;
        }
        ExpressionTree owner = Tracking.argumentOrReceiver(mi, pos);
        return owner == null ? "this" : src.text(owner);
    }

    List<RelatedLocation> related(Fact f, Tree use) {
        List<RelatedLocation> related = new ArrayList<>();
        if (f.cause() != null && src.hasPosition(f.cause())) {
            String phrase = switch (f.kind()) {
                case HANDLE -> handlePhrase(f);
                case POINTER -> pointerPhrase(f);
                default -> f.status() == Status.MOVED ? "moved it" : "closed it";
            };
            related.add(new RelatedLocation(RelatedLocation.Role.INVALIDATION, src.range(f.cause()),
                    "'" + src.callText(f.cause()) + "' " + phrase));
        }
        if (f.origin() != null && src.startOf(f.origin()) >= 0) {
            String verb = switch (f.kind()) {
                case HANDLE -> "issued here";
                case POINTER -> "resolved here";
                default -> "created here";
            };
            related.add(new RelatedLocation(RelatedLocation.Role.ORIGIN, src.range(f.origin()), verb));
        }
        return related;
    }
}
