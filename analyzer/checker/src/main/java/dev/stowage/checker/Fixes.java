package dev.stowage.checker;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.stowage.checker.api.Rule;
import dev.stowage.checker.api.Fix;
import dev.stowage.checker.api.TextEdit;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Quick fixes as edits of the analysed source, computed from javac's trees and the contracts (never
 * from method names): each method returns the fix, or {@code null} when it does not apply here.
 * Inserted lines take the indentation of the line they go next to and the text's own line break.
 */
final class Fixes {

    private static final String QUAL_PACKAGE = "dev.stowage.qual";

    private final SourceText source;
    private final StoreContracts contracts;
    private final javax.lang.model.util.Elements elements;

    Fixes(SourceText source, StoreContracts contracts, javax.lang.model.util.Elements elements) {
        this.source = source;
        this.contracts = contracts;
        this.elements = elements;
    }

    private TextEdit insert(long at, String text) {
        return new TextEdit(source.range(at, at), text);
    }

    private TextEdit replace(long start, long end, String text) {
        return new TextEdit(source.range(start, end), text);
    }

    /**
     * The path of a tree: searched under {@code near} (the visitor's place), then under the method
     * around it, and only then in the whole unit, so that a finding costs a scan of its method, not of
     * its file.
     */
    TreePath pathOf(Tree tree, TreePath near) {
        TreePath found = near == null ? null : TreePath.getPath(near, tree);
        if (found != null) {
            return found;
        }
        for (TreePath p = near; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
                found = TreePath.getPath(p, tree);
                if (found != null) {
                    return found;
                }
                break;
            }
        }
        return TreePath.getPath(source.root(), tree);
    }

    /** The statement of a block that holds the tree, or null (a lambda's expression body, a field initializer). */
    private static TreePath statementOf(TreePath path) {
        for (TreePath p = path; p != null && p.getParentPath() != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof ClassTree || leaf instanceof MethodTree) {
                return null;
            }
            if (leaf instanceof StatementTree && p.getParentPath().getLeaf() instanceof BlockTree) {
                return p;
            }
        }
        return null;
    }

    /** A new line with {@code code} right after the statement {@code after}, indented like it. */
    private TextEdit lineAfter(Tree after, String code) {
        return insert(source.endOf(after), source.newline() + source.indentAt(source.startOf(after)) + code);
    }

    // ---------------------------------------------------------------- pointer.stale

    /**
     * {@code p = store.resolve(h, 16);} after the statement of the invalidating call; after a resize
     * that says where its new size is ({@code @Invalidates(size = "#3")}), with that size when the
     * resolve says where its size is ({@code @Resolves(size = "#2")}), and with the handle the resize
     * returned when it went to another variable.
     */
    Fix reresolve(String variable, MethodInvocationTree origin, Tree cause, TreePath near) {
        if (!isIdentifier(variable) || !source.hasPosition(cause) || !source.hasPosition(origin)) {
            return null;
        }
        TreePath causePath = pathOf(cause, near);
        TreePath statement = causePath == null ? null : statementOf(causePath);
        if (statement == null) {
            return null;
        }
        String resolve = source.text(origin);
        long base = source.startOf(origin);
        List<long[]> spans = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        ExecutableElement resolver = TreeUtils.elementFromUse(origin);
        if (cause instanceof MethodInvocationTree resize) {
            ExecutableElement resizer = TreeUtils.elementFromUse(resize);
            int newSize = resizer == null ? -1 : contracts.sizeParameter(resizer, false);
            int size = resolver == null ? -1 : contracts.sizeParameter(resolver, true);
            if (newSize > 0 && size > 0 && newSize <= resize.getArguments().size() && size <= origin.getArguments().size()) {
                ExpressionTree old = origin.getArguments().get(size - 1);
                spans.add(new long[] {source.startOf(old) - base, source.endOf(old) - base});
                texts.add(source.text(resize.getArguments().get(newSize - 1)));
            }
            String returnedTo = assignedTo(causePath);
            int handle = resolver == null ? 0 : contracts.of(resolver).resolvesHandle();
            if (returnedTo != null && handle > 0 && handle <= origin.getArguments().size()
                    && origin.getArguments().get(handle - 1) instanceof IdentifierTree h && !h.getName().contentEquals(returnedTo)
                    && contracts.of(resizer).issues()) {
                spans.add(new long[] {source.startOf(h) - base, source.endOf(h) - base});
                texts.add(returnedTo);
            }
        }
        StringBuilder expr = new StringBuilder(resolve);
        // Replace from the end so earlier offsets stay valid.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(spans.get(b)[0], spans.get(a)[0]));
        for (int i : order) {
            long[] span = spans.get(i);
            if (span[0] < 0 || span[1] > resolve.length()) {
                return null;
            }
            expr.replace((int) span[0], (int) span[1], texts.get(i));
        }
        String code = variable + " = " + expr;
        return new Fix(Fix.Kind.RERESOLVE, "Resolve '" + variable + "' again after the call that invalidated it: " + code, true,
                List.of(lineAfter(statement.getLeaf(), code + ";")));
    }

    /** The variable the call's result goes to ({@code h2 = store.grow(…)}, {@code long h2 = …}), or null. */
    private static String assignedTo(TreePath call) {
        Tree parent = call.getParentPath() == null ? null : call.getParentPath().getLeaf();
        if (parent instanceof VariableTree v && v.getInitializer() == call.getLeaf()) {
            return v.getName().toString();
        }
        if (parent instanceof AssignmentTree a && a.getExpression() == call.getLeaf() && a.getVariable() instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        return null;
    }

    // ---------------------------------------------------------------- handle.stale

    /**
     * After a resize that issued a new handle: keep it ({@code h = store.grow(h, …);}) when it was
     * dropped, or use the variable it went to instead of the stale one.
     */
    Fix useReturnedHandle(Tree use, String variable, MethodInvocationTree cause, TreePath near) {
        if (!source.hasPosition(cause)) {
            return null;
        }
        TreePath causePath = pathOf(cause, near);
        if (causePath == null) {
            return null;
        }
        String name = TreeUtils.methodName(cause).toString();
        Tree parent = causePath.getParentPath().getLeaf();
        if (parent instanceof ExpressionStatementTree && isIdentifier(variable)) {
            return new Fix(Fix.Kind.USE_RETURNED_HANDLE, "Keep the handle that '" + name + "' returned: " + variable + " = "
                    + source.text(cause), true, List.of(insert(source.startOf(cause), variable + " = ")));
        }
        String target = assignedTo(causePath);
        if (target == null || target.equals(variable) || !(use instanceof IdentifierTree id) || !id.getName().contentEquals(variable)) {
            return null;
        }
        return new Fix(Fix.Kind.USE_RETURNED_HANDLE, "Use '" + target + "', the handle '" + name + "' returned, instead of '" + variable
                + "'", true, List.of(replace(source.startOf(use), source.endOf(use), target)));
    }

    // ---------------------------------------------------------------- box.leak.unpinned

    /** {@code box.get()} for {@code box.leak()}: the box's method that resolves without arguments. */
    Fix keepBox(MethodInvocationTree leak) {
        if (!(leak.getMethodSelect() instanceof MemberSelectTree select) || !leak.getArguments().isEmpty()) {
            return null;
        }
        TypeElement box = StoreContracts.typeElement(TreeUtils.typeOf(select.getExpression()));
        String get = box == null ? null : methodWith(box, m -> contracts.of(m).resolves());
        if (get == null) {
            return null;
        }
        long nameEnd = source.endOf(select);
        long nameStart = nameEnd - select.getIdentifier().length();
        String boxText = source.text(select.getExpression());
        return new Fix(Fix.Kind.KEEP_BOX, "Keep the box: use '" + boxText + "." + get + "()' instead of '" + select.getIdentifier()
                + "()' — leaking is sound only from a @Pinned store (e.g. GlobalStore); from this store the memory may move or be"
                + " freed when the store closes, so keep '" + boxText + "' open for as long as the pointer is used", false,
                List.of(replace(nameStart, nameEnd, get)));
    }

    /** The name of a method without parameters of the type (or its supertypes) that the test accepts, or null. */
    private String methodWith(TypeElement type, java.util.function.Predicate<ExecutableElement> test) {
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (m.getParameters().isEmpty() && test.test(m)) {
                return m.getSimpleName().toString();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- use.after.move, store.closed

    /**
     * {@code buf.retain();} before the statement that handed {@code buf} off, when its type has a
     * method that takes a reference ({@code @Retains}): the caller then owns one reference and
     * releases it when done.
     */
    Fix retainBeforeHandOff(String variable, Tree use, Tree cause, TreePath near) {
        if (!(cause instanceof MethodInvocationTree handOff) || !source.hasPosition(cause)
                || handOff.getArguments().stream().noneMatch(a -> a instanceof IdentifierTree id && id.getName().contentEquals(variable))) {
            return null;
        }
        TypeElement type = StoreContracts.typeElement(TreeUtils.typeOf((ExpressionTree) use));
        String retain = type == null ? null : methodWith(type, m -> contracts.of(m).retainsReference());
        TreePath causePath = pathOf(cause, near);
        TreePath statement = causePath == null || retain == null ? null : statementOf(causePath);
        if (statement == null) {
            return null;
        }
        long start = source.startOf(statement.getLeaf());
        String code = variable + "." + retain + "()";
        return new Fix(Fix.Kind.RETAIN_BEFORE_HAND_OFF, "Retain '" + variable + "' before handing it off (" + code
                + "), and release it when this method is done with it", false,
                List.of(insert(source.lineStart(start), source.indentAt(start) + code + ";" + source.newline())));
    }

    /**
     * {@code buf.release(); … use(buf);} becomes {@code … use(buf); buf.release();} when both are
     * statements of one block, the release on lines of its own, and the use is no return or throw.
     */
    Fix moveReleaseAfterUse(Tree use, Tree cause, TreePath usePath) {
        if (!(cause instanceof MethodInvocationTree release) || !source.hasPosition(cause)) {
            return null;
        }
        TreePath releaseStatement = statementOf(pathOf(cause, usePath));
        TreePath useStatement = usePath == null ? null : statementOf(usePath);
        if (releaseStatement == null || useStatement == null
                || !(releaseStatement.getLeaf() instanceof ExpressionStatementTree es) || es.getExpression() != release
                || releaseStatement.getParentPath().getLeaf() != useStatement.getParentPath().getLeaf()
                || source.endOf(releaseStatement.getLeaf()) > source.startOf(useStatement.getLeaf())
                || useStatement.getLeaf() instanceof ReturnTree || useStatement.getLeaf() instanceof ThrowTree) {
            return null;
        }
        long releaseStart = source.startOf(releaseStatement.getLeaf());
        long releaseEnd = source.endOf(releaseStatement.getLeaf());
        if (!source.startsLine(releaseStart) || source.nextLineStart(releaseEnd) != source.nextLineStart(releaseEnd - 1)
                || !source.content().substring((int) releaseEnd, source.nextLineStart(releaseEnd)).isBlank()) {
            return null;
        }
        int from = source.lineStart(releaseStart);
        int to = source.nextLineStart(releaseEnd);
        String lines = source.content().substring(from, to);
        if (!lines.endsWith("\n")) {
            lines = lines + source.newline();
        }
        int after = source.nextLineStart(source.endOf(useStatement.getLeaf()));
        String moved = after == source.content().length() && !source.content().endsWith("\n") ? source.newline() + lines : lines;
        return new Fix(Fix.Kind.MOVE_RELEASE_AFTER_USE, "Move '" + source.text(release) + "' after this use of it", true,
                List.of(replace(from, to, ""), insert(after, moved)));
    }

    // ---------------------------------------------------------------- stack frames (LWJGL's MemoryStack)

    private static final java.util.Set<String> NIO_BUFFERS = java.util.Set.of(
            "ByteBuffer", "ShortBuffer", "CharBuffer", "IntBuffer", "LongBuffer", "FloatBuffer", "DoubleBuffer");

    /** The simple name of a {@code java.nio} buffer type ({@code IntBuffer}), or null for any other type. */
    private static String nioBuffer(javax.lang.model.type.TypeMirror type) {
        TypeElement te = StoreContracts.typeElement(type);
        if (te == null || !te.getQualifiedName().toString().startsWith("java.nio.")) {
            return null;
        }
        String simple = te.getSimpleName().toString();
        return NIO_BUFFERS.contains(simple) ? simple : null;
    }

    /**
     * An exact copy of buffer {@code b} (contents, position, limit) that lives on its own: a direct
     * {@code ByteBuffer} the garbage collector frees (in the original's byte order), or a heap buffer
     * of the other kinds (the JDK makes direct ones only of bytes).
     */
    private static String copyOf(String b, String type) {
        String allocate = type.equals("ByteBuffer") ? "ByteBuffer.allocateDirect(" + b + ".capacity()).order(" + b + ".order())"
                : type + ".allocate(" + b + ".capacity())";
        return allocate + ".put(" + b + ".duplicate().clear()).limit(" + b + ".limit()).position(" + b + ".position())";
    }

    private String copyTitle(String variable, String type) {
        return "Copy '" + variable + "' out of the stack frame before it ends, into "
                + (type.equals("ByteBuffer") ? "a direct buffer the garbage collector frees (ByteBuffer.allocateDirect)"
                        : "a heap buffer (" + type + ".allocate; not for native calls)");
    }

    /**
     * A buffer of a frame that is dead on arrival where it goes (returned out of, or stored beyond, the
     * try-with-resources that pops the frame): hand out a copy instead.
     */
    Fix copyOnEscape(ExpressionTree escaping) {
        if (!(escaping instanceof IdentifierTree id)) {
            return null; // the copy names the buffer several times: only a variable can be copied in place
        }
        String type = nioBuffer(TreeUtils.typeOf(escaping));
        if (type == null) {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        edits.add(replace(source.startOf(id), source.endOf(id), copyOf(id.getName().toString(), type)));
        TextEdit imported = importIfMissing("java.nio." + type);
        if (imported != null) {
            edits.add(imported);
        }
        return new Fix(Fix.Kind.COPY_OUT_OF_FRAME, copyTitle(id.getName().toString(), type), true, edits);
    }

    /**
     * A buffer of a frame used after the frame ended ({@code stack.pop()}, or the end of the
     * try-with-resources): replace the variable's buffer by a copy just before the frame ends, so the
     * later uses read the copy.
     */
    Fix copyBeforeFrameEnds(String variable, ExpressionTree use, Tree cause, TreePath near) {
        javax.lang.model.element.VariableElement local = Tracking.localOf(use);
        String type = nioBuffer(TreeUtils.typeOf(use));
        if (local == null || type == null || !(cause instanceof MethodInvocationTree end)
                || local.getModifiers().contains(javax.lang.model.element.Modifier.FINAL)) {
            return null;
        }
        String code = variable + " = " + copyOf(variable, type) + ";";
        TextEdit edit;
        if (source.hasPosition(cause)) {
            TreePath statement = statementOf(pathOf(cause, near));
            if (statement == null) {
                return null;
            }
            long start = source.startOf(statement.getLeaf());
            edit = insert(source.lineStart(start), source.indentAt(start) + code + source.newline());
        } else {
            // The implicit close() at the end of a try-with-resources: the copy is its block's last statement.
            com.sun.source.tree.TryTree frame = tryClosing(end, near);
            if (frame == null || frame.getBlock().getStatements().isEmpty()) {
                return null;
            }
            edit = lineAfter(frame.getBlock().getStatements().getLast(), code);
        }
        List<TextEdit> edits = new ArrayList<>();
        edits.add(edit);
        TextEdit imported = importIfMissing("java.nio." + type);
        if (imported != null) {
            edits.add(imported);
        }
        return new Fix(Fix.Kind.COPY_OUT_OF_FRAME, copyTitle(variable, type), true, edits);
    }

    /** The try-with-resources of the method around {@code near} whose resource the synthesized {@code close} closes. */
    private static com.sun.source.tree.TryTree tryClosing(MethodInvocationTree close, TreePath near) {
        javax.lang.model.element.Element resource = TreeUtils.elementFromTree(TreeUtils.getReceiverTree(close));
        TreePath method = near;
        while (method != null && !(method.getLeaf() instanceof MethodTree)) {
            method = method.getParentPath();
        }
        if (resource == null || method == null) {
            return null;
        }
        com.sun.source.tree.TryTree[] found = new com.sun.source.tree.TryTree[1];
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitTry(com.sun.source.tree.TryTree node, Void p) {
                for (Tree r : node.getResources()) {
                    if (r instanceof VariableTree v && resource.equals(TreeUtils.elementFromDeclaration(v))) {
                        found[0] = node;
                    }
                }
                return super.visitTry(node, p);
            }
        }.scan(method.getLeaf(), null);
        return found[0];
    }

    // ---------------------------------------------------------------- invalidates.undeclared

    /** The annotation on its own line above the method, and its import when the file lacks it. */
    Fix declareInvalidates(MethodTree method, String methodName, String annotation) {
        List<TextEdit> edits = new ArrayList<>();
        edits.add(annotate(method, annotation));
        TextEdit importEdit = importIfMissing(QUAL_PACKAGE + ".Invalidates");
        if (importEdit != null) {
            edits.add(importEdit);
        }
        return new Fix(Fix.Kind.DECLARE_INVALIDATES, "Declare " + annotation + " on '" + methodName + "'", true, edits);
    }

    /** An annotation in front of a declaration: on a line of its own when the declaration starts its line. */
    private TextEdit annotate(Tree declaration, String annotation) {
        long start = source.startOf(declaration);
        String after = source.startsLine(start) ? source.newline() + source.indentAt(start) : " ";
        return insert(start, annotation + after);
    }

    private TextEdit importIfMissing(String qualifiedName) {
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
        var root = source.root();
        if (root.getPackage() != null && root.getPackage().getPackageName().toString().equals(pkg)) {
            return null;
        }
        ImportTree last = null;
        for (ImportTree i : root.getImports()) {
            String name = i.getQualifiedIdentifier().toString();
            if (!i.isStatic() && (name.equals(qualifiedName) || name.equals(pkg + ".*") || name.endsWith("." + simple))) {
                return null;
            }
            last = i;
        }
        String nl = source.newline();
        if (last != null) {
            return insert(source.endOf(last), nl + "import " + qualifiedName + ";");
        }
        if (root.getPackage() != null) {
            return insert(source.endOf(root.getPackage()), nl + nl + "import " + qualifiedName + ";");
        }
        return insert(0, "import " + qualifiedName + ";" + nl + nl);
    }

    // ---------------------------------------------------------------- every rule

    /**
     * {@code @SuppressWarnings("stowage:<key>")} on the innermost method, field or named class around
     * the place; an existing {@code @SuppressWarnings} gets the key added.
     */
    Fix suppress(TreePath at, Rule rule) {
        TreePath declaration = null;
        for (TreePath p = at; p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            Tree parent = p.getParentPath() == null ? null : p.getParentPath().getLeaf();
            if (leaf instanceof MethodTree || (leaf instanceof VariableTree && parent instanceof ClassTree)
                    || (leaf instanceof ClassTree c && !c.getSimpleName().isEmpty())) {
                declaration = p;
                break;
            }
        }
        if (declaration == null || !source.hasPosition(declaration.getLeaf())) {
            return null;
        }
        Tree leaf = declaration.getLeaf();
        ModifiersTree modifiers = switch (leaf) {
            case MethodTree m -> m.getModifiers();
            case VariableTree v -> v.getModifiers();
            case ClassTree c -> c.getModifiers();
            default -> null;
        };
        String where = switch (leaf) {
            case MethodTree m -> "'" + (m.getName().contentEquals("<init>") ? ((ClassTree) declaration.getParentPath().getLeaf()).getSimpleName()
                    : m.getName()) + "'";
            case VariableTree v -> "field '" + v.getName() + "'";
            case ClassTree c -> "class '" + c.getSimpleName() + "'";
            default -> "the declaration";
        };
        String key = rule.qualifiedKey();
        String literal = "\"" + key + "\"";
        String title = "Suppress [" + rule.key() + "] on " + where + " with @SuppressWarnings(" + literal + ")";
        for (AnnotationTree a : modifiers == null ? List.<AnnotationTree>of() : modifiers.getAnnotations()) {
            String type = a.getAnnotationType().toString();
            if (!type.equals("SuppressWarnings") && !type.equals("java.lang.SuppressWarnings")) {
                continue;
            }
            if (a.getArguments().size() != 1) {
                return null;
            }
            ExpressionTree value = a.getArguments().getFirst();
            if (value instanceof AssignmentTree assign) {
                value = assign.getExpression();
            }
            if (source.text(value).contains(literal)) {
                return null; // already there: javac found the finding outside it
            }
            if (value instanceof NewArrayTree array && array.getInitializers() != null && !array.getInitializers().isEmpty()) {
                ExpressionTree lastValue = array.getInitializers().getLast();
                return new Fix(Fix.Kind.SUPPRESS, title, false, List.of(insert(source.endOf(lastValue), ", " + literal)));
            }
            if (value instanceof LiteralTree || value instanceof IdentifierTree || value instanceof MemberSelectTree) {
                return new Fix(Fix.Kind.SUPPRESS, title, false,
                        List.of(replace(source.startOf(value), source.endOf(value), "{" + source.text(value) + ", " + literal + "}")));
            }
            return null;
        }
        return new Fix(Fix.Kind.SUPPRESS, title, false, List.of(annotate(leaf, "@SuppressWarnings(" + literal + ")")));
    }

    private static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
