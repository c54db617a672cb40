package dev.stowage.lsp.core;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.stowage.checker.engine.Finding;
import dev.stowage.checker.engine.RelatedLocation;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Hover on a variable that holds a handle, pointer, store, box or collection: what it is, its store,
 * where it was resolved or issued, and whether it is live or stale at this place and why.
 *
 * <p>What the value is comes from javac's attribution of the text (types, and the
 * {@code @Resolves}/{@code @Issues} annotations of the method that produced it — the same contracts
 * the checker reads, never method names); whether it is stale comes from the checker's findings, so
 * the hover and the diagnostics never disagree. Without per-variable facts from the engine, a place
 * that is not a reported use is called stale when a finding on the same variable shows an
 * invalidation before it and no reassignment lies in between.
 *
 * <pre>{@code
 * String markdown = hovers.hover(snapshot, 14, 8, analysis.findings(), settings);
 * }</pre>
 */
public final class HoverService {

    private static final String QUAL = "dev.stowage.qual.";

    private final Workspace workspace;
    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

    public HoverService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The hover text (Markdown) at a 0-based position, or {@code null} when there is nothing Stowage-specific there. */
    public String hover(DocumentSnapshot doc, int line, int character, List<Finding> findings, Settings settings) {
        String text = doc.text();
        LineMap lines = new LineMap(text);
        if (line < 0 || line >= lines.lineCount()) return null;
        int offset = lines.offsetOf(line, character);
        String path = doc.analysisPath();
        List<String> options = new ArrayList<>(List.of("-proc:none", "-Xlint:none"));
        try {
            ClasspathService.Resolved paths = workspace.pathsFor(path, settings);
            if (!paths.classpath().isEmpty()) {
                options.add("-classpath");
                options.add(String.join(File.pathSeparator, paths.classpath()));
            }
            options.addAll(paths.javacOptions());
        } catch (RuntimeException e) {
            // no classpath: types from the JDK only
        }
        StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, null);
        try {
            JavaFileObject file = new JavaSyntax.InMemorySource(path, text);
            JavacTask task = (JavacTask) compiler.getTask(null, fm, d -> {}, options, null, List.of(file));
            CompilationUnitTree unit = task.parse().iterator().next();
            task.analyze();
            Trees trees = Trees.instance(task);
            TreePath at = pathAt(unit, trees.getSourcePositions(), offset);
            if (at == null) return null;
            Element element = trees.getElement(at);
            if (element == null || !(element.getKind() == ElementKind.LOCAL_VARIABLE || element.getKind() == ElementKind.PARAMETER
                    || element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.RESOURCE_VARIABLE)) return null;
            String kind = kindOf(element.asType());
            Origin origin = originOf(unit, trees, element, offset);
            if (kind == null && origin != null) kind = origin.kind;
            if (kind == null) return null;
            return describe(element, kind, origin, findings, offset, lines, text);
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        } finally {
            try {
                fm.close();
            } catch (java.io.IOException ignored) {
                // nothing to release
            }
        }
    }

    /** The identifier or variable declaration under the offset. */
    private static TreePath pathAt(CompilationUnitTree unit, SourcePositions positions, int offset) {
        TreePath[] best = new TreePath[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void v) {
                consider(getCurrentPath(), node, (int) positions.getStartPosition(unit, node), node.getName().length());
                return super.visitIdentifier(node, v);
            }

            @Override
            public Void visitVariable(VariableTree node, Void v) {
                // The name's place: search it after the type.
                long start = positions.getStartPosition(unit, node), end = positions.getEndPosition(unit, node);
                if (start >= 0 && end >= start) {
                    String source = unitText(unit);
                    int from = node.getType() == null ? (int) start : (int) Math.max(start, positions.getEndPosition(unit, node.getType()));
                    int nameAt = indexOfName(source, node.getName().toString(), Math.max(0, from), (int) end);
                    if (nameAt >= 0) consider(getCurrentPath(), node, nameAt, node.getName().length());
                }
                return super.visitVariable(node, v);
            }

            private void consider(TreePath path, Tree node, int start, int length) {
                if (start >= 0 && offset >= start && offset <= start + length) best[0] = path;
            }
        }.scan(unit, null);
        return best[0];
    }

    private static String unitText(CompilationUnitTree unit) {
        try {
            return unit.getSourceFile().getCharContent(true).toString();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int indexOfName(String source, String name, int from, int to) {
        int i = source.indexOf(name, from);
        while (i >= 0 && i < to) {
            boolean startOk = i == 0 || !Character.isJavaIdentifierPart(source.charAt(i - 1));
            boolean endOk = i + name.length() >= source.length() || !Character.isJavaIdentifierPart(source.charAt(i + name.length()));
            if (startOk && endOk) return i;
            i = source.indexOf(name, i + 1);
        }
        return -1;
    }

    /** What a declared type makes a variable: a pointer, store, box or collection; {@code null} for a handle or anything else. */
    private static String kindOf(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) return null;
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("java.lang.foreign.MemorySegment")) return "pointer";
        if (isStore(element)) return "store";
        if (name.equals("dev.stowage.store.StoreBox")) return "box";
        for (Element member : element.getEnclosedElements()) {
            if (member instanceof ExecutableElement m && hasAnnotation(m, "Resolves")) return "collection";
        }
        return null;
    }

    private static boolean isStore(TypeElement type) {
        if (type.getQualifiedName().contentEquals("dev.stowage.store.Store")) return true;
        for (TypeMirror i : type.getInterfaces()) {
            if (i instanceof DeclaredType d && isStore((TypeElement) d.asElement())) return true;
        }
        TypeMirror sup = type.getSuperclass();
        return sup instanceof DeclaredType d && isStore((TypeElement) d.asElement());
    }

    private static boolean hasAnnotation(Element e, String simpleName) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(QUAL + simpleName)) return true;
        }
        return false;
    }

    /** Guarantees a store type carries ({@code @Pinned}, …), from its declaration and supertypes. */
    private static List<String> guarantees(TypeMirror type) {
        List<String> out = new ArrayList<>();
        if (!(type instanceof DeclaredType d)) return out;
        collectGuarantees((TypeElement) d.asElement(), out);
        return out;
    }

    private static void collectGuarantees(TypeElement type, List<String> out) {
        for (AnnotationMirror a : type.getAnnotationMirrors()) {
            String n = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
            if (n.startsWith(QUAL) && !out.contains("@" + n.substring(QUAL.length()))) out.add("@" + n.substring(QUAL.length()));
        }
        for (TypeMirror i : type.getInterfaces()) if (i instanceof DeclaredType d) collectGuarantees((TypeElement) d.asElement(), out);
    }

    /** Where the variable last got its value before the offset: a call of a {@code @Resolves} or {@code @Issues} method. */
    private record Origin(String kind, String owner, String call, int line, int offset) {}

    private static Origin originOf(CompilationUnitTree unit, Trees trees, Element variable, int offset) {
        SourcePositions positions = trees.getSourcePositions();
        Origin[] last = new Origin[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void v) {
                if (variable.equals(trees.getElement(getCurrentPath())) && node.getInitializer() != null) {
                    record(node.getInitializer(), new TreePath(getCurrentPath(), node.getInitializer()));
                }
                return super.visitVariable(node, v);
            }

            @Override
            public Void visitAssignment(AssignmentTree node, Void v) {
                Element target = trees.getElement(new TreePath(getCurrentPath(), node.getVariable()));
                if (variable.equals(target)) record(node.getExpression(), new TreePath(getCurrentPath(), node.getExpression()));
                return super.visitAssignment(node, v);
            }

            private void record(ExpressionTree value, TreePath path) {
                long start = positions.getStartPosition(unit, value);
                if (start < 0 || start > offset) return;
                if (!(value instanceof MethodInvocationTree call)) {
                    last[0] = null; // reassigned from something else
                    return;
                }
                Element method = trees.getElement(path);
                String owner = call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression().toString() : "this";
                long line = unit.getLineMap().getLineNumber(start);
                if (method != null && hasAnnotation(method, "Resolves")) last[0] = new Origin("pointer", owner, call.toString(), (int) line, (int) start);
                else if (method != null && hasAnnotation(method, "Issues")) last[0] = new Origin(issuedKind(method), owner, call.toString(), (int) line, (int) start);
                else last[0] = null;
            }
        }.scan(unit, null);
        return last[0];
    }

    private static String issuedKind(Element method) {
        if (method instanceof ExecutableElement m) {
            if (m.getReturnType().getKind() == TypeKind.LONG) return "handle";
            String k = kindOf(m.getReturnType());
            if (k != null) return k;
        }
        return "value";
    }

    private static String describe(Element variable, String kind, Origin origin, List<Finding> findings, int offset, LineMap lines, String text) {
        String name = variable.getSimpleName().toString();
        StringBuilder md = new StringBuilder();
        md.append("**Stowage** · ").append(kind).append(" `").append(name).append("`");
        if (kind.equals("store")) {
            List<String> g = guarantees(variable.asType());
            md.append(" · `").append(simpleType(variable.asType())).append("`");
            md.append(g.isEmpty() ? " · no guarantees (allocating may invalidate its other handles and pointers)" : " · " + String.join(" ", g));
        }
        md.append("\n\n");
        if (origin != null) {
            String verb = kind.equals("pointer") ? "resolved from" : "issued by";
            md.append("- ").append(verb).append(" `").append(origin.owner()).append("` at line ").append(origin.line())
                    .append(": `").append(origin.call()).append("`\n");
        }
        // State here, from the checker's findings on this variable.
        Finding here = null, before = null;
        for (Finding f : findings) {
            if (f.range() == null || f.range().endOffset() > text.length()) continue;
            String used = text.substring(f.range().startOffset(), f.range().endOffset());
            boolean aboutVariable = used.equals(name) || f.message().contains("'" + name + "'");
            if (!aboutVariable) continue;
            if (offset >= f.range().startOffset() && offset <= f.range().endOffset() && used.contains(name)) here = f;
            for (RelatedLocation r : f.related()) {
                if (r.role() == RelatedLocation.Role.INVALIDATION && r.range() != null && r.range().endOffset() <= offset
                        && (origin == null || origin.offset() < r.range().startOffset())) before = f;
            }
        }
        if (here != null) {
            md.append("- **stale here** [").append(here.key()).append("]: ").append(here.message()).append('\n');
        } else if (before != null) {
            RelatedLocation inv = before.related().stream().filter(r -> r.role() == RelatedLocation.Role.INVALIDATION).findFirst().orElseThrow();
            md.append("- **stale here**: invalidated at line ").append(lines.lineOf(inv.range().startOffset()) + 1)
                    .append(inv.message() == null || inv.message().isBlank() ? "" : " (" + inv.message() + ")")
                    .append("; see [").append(before.key()).append("] at line ").append(before.range().startLine()).append('\n');
        } else {
            md.append("- live here: the checker reports no invalidation of `").append(name).append("` before this point\n");
        }
        return md.toString();
    }

    private static String simpleType(TypeMirror t) {
        return t instanceof DeclaredType d ? d.asElement().getSimpleName().toString() : t.toString();
    }
}
