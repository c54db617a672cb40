package dev.stowage.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import dev.stowage.checker.api.SourceRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The source text of one compilation unit and the places of its trees: what findings quote
 * ({@code 'store.grow(...)'}), where they are ({@link SourceRange}), and the enclosing member that
 * names them in baselines. One instance per compilation unit; the text is read once.
 */
final class SourceText {

    private final CompilationUnitTree root;
    private final SourcePositions positions;
    private final String path;
    private String content;

    SourceText(CompilationUnitTree root, SourcePositions positions, String path) {
        this.root = root;
        this.positions = positions;
        this.path = path;
    }

    CompilationUnitTree root() {
        return root;
    }

    String content() {
        if (content == null) {
            try {
                content = root.getSourceFile().getCharContent(true).toString();
            } catch (IOException e) {
                content = "";
            }
        }
        return content;
    }

    long startOf(Tree t) {
        return positions.getStartPosition(root, t);
    }

    long endOf(Tree t) {
        return positions.getEndPosition(root, t);
    }

    /** False for trees the framework synthesized (the close() of a try-with-resources): they have no place in the source. */
    boolean hasPosition(Tree t) {
        return startOf(t) > 0;
    }

    /** The tree as written, or javac's rendering of it when it has no place. */
    String text(Tree t) {
        long start = startOf(t);
        long end = endOf(t);
        String c = content();
        if (start < 0 || end < start || end > c.length()) {
            return t.toString();
        }
        return c.substring((int) start, (int) end);
    }

    /** A call as findings quote it: {@code store.grow(...)}, {@code new Box()}. */
    String callText(Tree call) {
        if (call instanceof MethodInvocationTree mi) {
            ExpressionTree receiver = TreeUtils.getReceiverTree(mi);
            String name = TreeUtils.methodName(mi).toString();
            return (receiver == null ? "" : text(receiver) + ".") + name + (mi.getArguments().isEmpty() ? "()" : "(...)");
        }
        if (call instanceof NewClassTree nc) {
            return "new " + text(nc.getIdentifier()) + (nc.getArguments().isEmpty() ? "()" : "(...)");
        }
        return text(call);
    }

    /** The 1-based line of a tree, 0 when it has no place. */
    long line(Tree t) {
        long start = startOf(t);
        return start < 0 ? 0 : root.getLineMap().getLineNumber(start);
    }

    SourceRange range(Tree t) {
        long start = Math.max(0, startOf(t));
        long end = endOf(t);
        return range(start, Math.max(start, end));
    }

    SourceRange range(long start, long end) {
        var lines = root.getLineMap();
        int startLine = (int) lines.getLineNumber(start);
        int endLine = (int) lines.getLineNumber(end);
        int startCol = (int) (start - lines.getStartPosition(startLine)) + 1;
        int endCol = (int) (end - lines.getStartPosition(endLine)) + 1;
        return new SourceRange(path, startLine, startCol, endLine, endCol, (int) start, (int) end);
    }

    /** The offset where the line holding {@code offset} starts. */
    int lineStart(long offset) {
        var lines = root.getLineMap();
        return (int) lines.getStartPosition(lines.getLineNumber(offset));
    }

    /** The offset just past the line break that ends the line holding {@code offset} (the text's end on the last line). */
    int nextLineStart(long offset) {
        String c = content();
        int i = (int) offset;
        while (i < c.length() && c.charAt(i) != '\n' && c.charAt(i) != '\r') {
            i++;
        }
        if (i < c.length() && c.charAt(i) == '\r') {
            i++;
        }
        if (i < c.length() && c.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    /** The spaces and tabs that start the line holding {@code offset}. */
    String indentAt(long offset) {
        String c = content();
        int start = lineStart(offset);
        int i = start;
        while (i < c.length() && (c.charAt(i) == ' ' || c.charAt(i) == '\t')) {
            i++;
        }
        return c.substring(start, i);
    }

    /** True when only spaces and tabs precede {@code offset} on its line. */
    boolean startsLine(long offset) {
        return indentAt(offset).length() == offset - lineStart(offset);
    }

    /** Where a declaration's name starts (after its type), or -1. */
    long nameOf(VariableTree v) {
        long from = v.getType() == null || endOf(v.getType()) < 0 ? startOf(v) : endOf(v.getType());
        long to = endOf(v);
        String c = content();
        String name = v.getName().toString();
        if (from < 0 || to < from) {
            return -1;
        }
        for (int i = c.indexOf(name, (int) from); i >= 0 && i < to; i = c.indexOf(name, i + 1)) {
            boolean startOk = i == 0 || !Character.isJavaIdentifierPart(c.charAt(i - 1));
            boolean endOk = i + name.length() >= c.length() || !Character.isJavaIdentifierPart(c.charAt(i + name.length()));
            if (startOk && endOk) {
                return i;
            }
        }
        return -1;
    }

    /** The text's line break: {@code \r\n} when it uses it, else {@code \n}. */
    String newline() {
        return content().contains("\r\n") ? "\r\n" : "\n";
    }

    /**
     * The enclosing types and method of a place, outermost first: {@code class A.new Runnable.method run()};
     * a method is named with its parameter types as written ({@code method restock(Store,Map<String,Long>)}),
     * a constructor with its class's name; lambdas and initializer blocks add nothing.
     */
    String enclosingMember(TreePath path) {
        List<String> names = new ArrayList<>();
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Tree t = p.getLeaf();
            if (t instanceof ClassTree c) {
                if (c.getSimpleName().isEmpty()) {
                    Tree parent = p.getParentPath() == null ? null : p.getParentPath().getLeaf();
                    if (parent instanceof NewClassTree nc) {
                        Tree type = nc.getIdentifier() instanceof ParameterizedTypeTree pt ? pt.getType() : nc.getIdentifier();
                        names.add("new " + text(type).replaceAll("\\s+", ""));
                    }
                } else {
                    String kind = switch (c.getKind()) {
                        case INTERFACE, ANNOTATION_TYPE -> "interface";
                        case ENUM -> "enum";
                        case RECORD -> "record";
                        default -> "class";
                    };
                    names.add(kind + " " + c.getSimpleName());
                }
            } else if (t instanceof MethodTree m && p.getParentPath() != null && p.getParentPath().getLeaf() instanceof ClassTree owner
                    && !TreeUtils.isCompactCanonicalRecordConstructor(m)) { // a compact constructor has no parameter list of its own
                String name = m.getName().contentEquals("<init>") ? owner.getSimpleName().toString() : m.getName().toString();
                List<String> types = new ArrayList<>();
                for (VariableTree param : m.getParameters()) {
                    types.add(text(param.getType()).replaceAll("\\s+", ""));
                }
                names.add("method " + name + "(" + String.join(",", types) + ")");
            }
        }
        java.util.Collections.reverse(names);
        return String.join(".", names);
    }
}
