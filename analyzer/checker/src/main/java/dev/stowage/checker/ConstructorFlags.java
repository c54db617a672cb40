package dev.stowage.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import org.checkerframework.javacutil.TreeUtils;

/**
 * What a class's constructors pass to a {@code boolean} parameter of a superclass's constructors,
 * for {@code @Borrows(unlessConstructedWithFalse = true)}: Netty's
 * {@code SimpleChannelInboundHandler(boolean autoRelease)} and
 * {@code SimpleChannelInboundHandler(Class, boolean autoRelease)} release the message after
 * {@code channelRead0} only when that flag is true.
 *
 * <pre>{@code
 * final class Echo extends SimpleChannelInboundHandler<ByteBuf> {
 *     Echo() { super(false); }                       // flag off: channelRead0 owns msg
 *     protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) { ctx.write(msg); }
 * }
 * }</pre>
 *
 * <p>The flag is off for a class when any of its constructors passes something other than the
 * constant {@code true} (a {@code false}, a variable, a parameter: to prefer a missed bug to a false
 * alarm), and on when every constructor calls a constructor without a {@code boolean} parameter
 * ({@code super()}, {@code super(Class)}: the default) or passes the constant {@code true}. Between the
 * class and the declaring class, a class of this compilation is followed the same way (its
 * constructors decide); a class whose source is not seen (a library's) counts as off.
 */
final class ConstructorFlags {

    private final Trees trees;
    private final Map<TypeElement, Boolean> off = new HashMap<>();

    ConstructorFlags(Trees trees) {
        this.trees = trees;
    }

    /**
     * True when objects of {@code cls} may be built with the {@code boolean} parameter of
     * {@code declaring}'s constructors not the constant {@code true} (see the class comment).
     */
    boolean mayBeOff(TypeElement cls, TypeElement declaring) {
        if (cls.equals(declaring)) {
            return false;
        }
        Boolean cached = off.get(cls);
        if (cached == null) {
            off.put(cls, Boolean.TRUE); // a cycle cannot happen in legal code; silence if it did
            cached = compute(cls, declaring);
            off.put(cls, cached);
        }
        return cached;
    }

    private boolean compute(TypeElement cls, TypeElement declaring) {
        if (!(cls.getSuperclass() instanceof DeclaredType sup) || !(sup.asElement() instanceof TypeElement superclass)
                || !(trees.getTree(cls) instanceof ClassTree tree)) {
            return true; // not seen: prefer silence
        }
        boolean direct = superclass.equals(declaring);
        if (!direct && mayBeOff(superclass, declaring)) {
            return true;
        }
        if (!direct) {
            return false; // the superclass always keeps the flag on, whatever this class passes it
        }
        for (Tree member : tree.getMembers()) {
            if (member instanceof MethodTree ctor && TreeUtils.isConstructor(ctor) && ctor.getBody() != null
                    && passesOff(ctor)) {
                return true;
            }
        }
        return false;
    }

    /** True when this constructor's {@code super(...)} call passes anything but the constant true for the boolean parameter. */
    private static boolean passesOff(MethodTree ctor) {
        List<? extends StatementTree> statements = ctor.getBody().getStatements();
        if (statements.isEmpty() || !(statements.getFirst() instanceof ExpressionStatementTree es)
                || !(es.getExpression() instanceof MethodInvocationTree call)
                || !(call.getMethodSelect() instanceof IdentifierTree name)) {
            return false; // javac inserts super() where none is written: the default
        }
        if (name.getName().contentEquals("this")) {
            return false; // the constructor it delegates to is looked at on its own
        }
        if (!(TreeUtils.elementFromTree(call) instanceof ExecutableElement superCtor)) {
            return true; // not attributed: prefer silence
        }
        List<? extends VariableElement> params = superCtor.getParameters();
        for (int i = 0; i < params.size() && i < call.getArguments().size(); i++) {
            if (params.get(i).asType().getKind() == TypeKind.BOOLEAN && !isConstantTrue(call.getArguments().get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConstantTrue(ExpressionTree arg) {
        ExpressionTree e = TreeUtils.withoutParens(arg);
        if (e instanceof LiteralTree literal) {
            return Boolean.TRUE.equals(literal.getValue());
        }
        Element element = TreeUtils.elementFromTree(e);
        return element instanceof VariableElement v && Boolean.TRUE.equals(v.getConstantValue());
    }
}
