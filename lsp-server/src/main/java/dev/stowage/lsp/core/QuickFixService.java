package dev.stowage.lsp.core;

import dev.stowage.checker.engine.Finding;
import dev.stowage.checker.engine.FixHint;
import dev.stowage.checker.engine.RelatedLocation;
import dev.stowage.checker.engine.SourceRange;
import dev.stowage.lsp.shaded.javaparser.JavaParser;
import dev.stowage.lsp.shaded.javaparser.ParseResult;
import dev.stowage.lsp.shaded.javaparser.ParserConfiguration;
import dev.stowage.lsp.shaded.javaparser.Position;
import dev.stowage.lsp.shaded.javaparser.ast.CompilationUnit;
import dev.stowage.lsp.shaded.javaparser.ast.ImportDeclaration;
import dev.stowage.lsp.shaded.javaparser.ast.Node;
import dev.stowage.lsp.shaded.javaparser.ast.NodeList;
import dev.stowage.lsp.shaded.javaparser.ast.body.BodyDeclaration;
import dev.stowage.lsp.shaded.javaparser.ast.body.CallableDeclaration;
import dev.stowage.lsp.shaded.javaparser.ast.body.FieldDeclaration;
import dev.stowage.lsp.shaded.javaparser.ast.body.TypeDeclaration;
import dev.stowage.lsp.shaded.javaparser.ast.expr.AnnotationExpr;
import dev.stowage.lsp.shaded.javaparser.ast.expr.ArrayInitializerExpr;
import dev.stowage.lsp.shaded.javaparser.ast.expr.AssignExpr;
import dev.stowage.lsp.shaded.javaparser.ast.expr.Expression;
import dev.stowage.lsp.shaded.javaparser.ast.expr.MethodCallExpr;
import dev.stowage.lsp.shaded.javaparser.ast.expr.NameExpr;
import dev.stowage.lsp.shaded.javaparser.ast.expr.NormalAnnotationExpr;
import dev.stowage.lsp.shaded.javaparser.ast.expr.SingleMemberAnnotationExpr;
import dev.stowage.lsp.shaded.javaparser.ast.expr.StringLiteralExpr;
import dev.stowage.lsp.shaded.javaparser.ast.body.VariableDeclarator;
import dev.stowage.lsp.shaded.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.stowage.lsp.shaded.javaparser.ast.stmt.BlockStmt;
import dev.stowage.lsp.shaded.javaparser.ast.stmt.ExpressionStmt;
import dev.stowage.lsp.shaded.javaparser.ast.stmt.Statement;
import dev.stowage.lsp.shaded.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes quick fixes for findings as edits of the document, with JavaParser (relocated, see
 * docs/lsp.md) at {@code JAVA_25}. Declarations are changed through JavaParser's
 * {@link LexicalPreservingPrinter}, so everything but the change keeps the user's formatting; the
 * result is turned into the smallest replacement of the original text.
 *
 * <pre>{@code
 * List<CodeFix> fixes = new QuickFixService().fixesFor(text, finding);
 * String fixed = fixes.get(0).applyTo(text);
 * }</pre>
 *
 * Fixes, per finding:
 * <ul>
 *   <li>{@code pointer.stale}: resolve the pointer again right after the invalidating call;</li>
 *   <li>{@code handle.stale}: use the handle the invalidating call ({@code grow}/{@code shrink}) returned;</li>
 *   <li>{@code invalidates.undeclared}: declare the missing {@code @Invalidates};</li>
 *   <li>{@code box.leak.unpinned}: keep the box ({@code get()} instead of {@code leak()}), explaining the choice;</li>
 *   <li>{@code use.after.move} after a Netty hand-off ({@code write}, {@code writeAndFlush}, {@code fireChannelRead}):
 *       {@code retain()} the buffer before handing it off (the method then releases its own reference when done);</li>
 *   <li>{@code store.closed} after {@code release()}/{@code close()}/{@code memFree(…)} in the same block: move that
 *       statement after the use;</li>
 *   <li>every key: {@code @SuppressWarnings("stowage:<key>")} on the enclosing method, field or class.</li>
 * </ul>
 */
public final class QuickFixService {

    private static final String QUAL_PACKAGE = "dev.stowage.qual";

    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
            .setTabSize(1));

    /** The fixes for one finding of this text, best first; empty when the text does not parse or nothing applies. */
    public synchronized List<CodeFix> fixesFor(String text, Finding finding) {
        List<CodeFix> fixes = new ArrayList<>();
        if (finding.range() == null) return fixes;
        for (FixHint hint : finding.fixes()) {
            try {
                Optional<CodeFix> fix = switch (hint.kind()) {
                    case RERESOLVE -> reresolve(text, finding, hint);
                    case USE_RETURNED_HANDLE -> useReturnedHandle(text, finding, hint);
                    case DECLARE_INVALIDATES -> declareInvalidates(text, finding, hint);
                    case PIN_OR_KEEP_BOX -> keepBox(text, finding);
                    case SUPPRESS -> Optional.empty(); // always offered below
                };
                fix.filter(f -> fixes.stream().noneMatch(g -> g.title().equals(f.title()))).ifPresent(fixes::add);
            } catch (RuntimeException e) {
                // A fix that cannot be computed is not offered; the others still are.
            }
        }
        // Fixes the checker did not spell out, from the key and the related locations.
        try {
            if (fixes.isEmpty() && finding.key().equals("pointer.stale")) reresolve(text, finding, null).ifPresent(fixes::add);
            if (fixes.isEmpty() && finding.key().equals("handle.stale")) useReturnedHandle(text, finding, null).ifPresent(fixes::add);
            if (finding.key().equals("box.leak.unpinned") && fixes.stream().noneMatch(f -> f.title().startsWith("Keep the box")))
                keepBox(text, finding).ifPresent(fixes::add);
            if (finding.key().equals("use.after.move")) retainBeforeHandOff(text, finding).ifPresent(fixes::add);
            if (finding.key().equals("store.closed")) moveReleaseAfterUse(text, finding).ifPresent(fixes::add);
        } catch (RuntimeException e) {
            // as above
        }
        try {
            suppress(text, finding).ifPresent(fixes::add);
        } catch (RuntimeException e) {
            // as above
        }
        return fixes;
    }

    // ---- suppress ------------------------------------------------------------------------------

    private Optional<CodeFix> suppress(String text, Finding finding) {
        Optional<CompilationUnit> parsed = parse(text);
        if (parsed.isEmpty()) return Optional.empty();
        CompilationUnit cu = parsed.get();
        Optional<BodyDeclaration<?>> target = innermostDeclaration(cu, finding.range());
        if (target.isEmpty() || !(target.get() instanceof NodeWithAnnotations<?> annotated)) return Optional.empty();
        String key = finding.qualifiedKey();
        Optional<AnnotationExpr> existing = annotated.getAnnotationByName("SuppressWarnings");
        if (existing.isPresent()) {
            AnnotationExpr a = existing.get();
            if (a instanceof SingleMemberAnnotationExpr single) {
                Expression value = single.getMemberValue();
                if (value.toString().contains("\"" + key + "\"")) return Optional.empty();
                if (value instanceof ArrayInitializerExpr array) {
                    array.getValues().add(new StringLiteralExpr(key));
                } else {
                    single.setMemberValue(new ArrayInitializerExpr(new NodeList<>(value.clone(), new StringLiteralExpr(key))));
                }
            } else if (a instanceof NormalAnnotationExpr normal) {
                var pair = normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value")).findFirst();
                if (pair.isEmpty()) return Optional.empty();
                Expression value = pair.get().getValue();
                if (value.toString().contains("\"" + key + "\"")) return Optional.empty();
                if (value instanceof ArrayInitializerExpr array) array.getValues().add(new StringLiteralExpr(key));
                else pair.get().setValue(new ArrayInitializerExpr(new NodeList<>(value.clone(), new StringLiteralExpr(key))));
            } else {
                return Optional.empty();
            }
        } else {
            annotated.addSingleMemberAnnotation("SuppressWarnings", new StringLiteralExpr(key));
        }
        String where = describe(target.get());
        return Optional.of(fromRewrite(text, LexicalPreservingPrinter.print(cu),
                "Suppress [" + finding.key() + "] on " + where + " with @SuppressWarnings(\"" + key + "\")", finding.key(), false));
    }

    // ---- declare @Invalidates ---------------------------------------------------------------------

    private Optional<CodeFix> declareInvalidates(String text, Finding finding, FixHint hint) {
        String annotation = hint.data().get("annotation");
        if (annotation == null || annotation.isBlank()) return Optional.empty();
        Optional<CompilationUnit> parsed = parse(text);
        if (parsed.isEmpty()) return Optional.empty();
        CompilationUnit cu = parsed.get();
        Optional<CallableDeclaration<?>> method = cu.findAll(CallableDeclaration.class).stream()
                .<CallableDeclaration<?>>map(c -> (CallableDeclaration<?>) c)
                .filter(c -> covers(c, finding.range()))
                .filter(c -> hint.data().get("method") == null || c.getNameAsString().equals(hint.data().get("method")))
                .min(Comparator.comparingInt(QuickFixService::size));
        if (method.isEmpty()) return Optional.empty();
        AnnotationExpr expr = dev.stowage.lsp.shaded.javaparser.StaticJavaParser.parseAnnotation(annotation.trim());
        // Several @Invalidates are allowed (the annotation repeats); the same one twice is not added.
        if (method.get().getAnnotations().stream().anyMatch(a -> a.toString().equals(expr.toString()))) return Optional.empty();
        method.get().addAnnotation(expr);
        addImportIfMissing(cu, QUAL_PACKAGE + "." + expr.getNameAsString().replaceAll("\\..*$", ""));
        return Optional.of(fromRewrite(text, LexicalPreservingPrinter.print(cu),
                "Declare " + expr + " on '" + method.get().getNameAsString() + "'", finding.key(), true));
    }

    private static void addImportIfMissing(CompilationUnit cu, String qualifiedName) {
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
        boolean present = cu.getImports().stream().anyMatch(i -> !i.isStatic()
                && ((i.isAsterisk() && i.getNameAsString().equals(pkg)) || i.getNameAsString().equals(qualifiedName)
                        || i.getName().getIdentifier().equals(simple)));
        boolean samePackage = cu.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(false);
        if (!present && !samePackage) cu.addImport(new ImportDeclaration(qualifiedName, false, false));
    }

    // ---- re-resolve the pointer -----------------------------------------------------------------

    private Optional<CodeFix> reresolve(String text, Finding finding, FixHint hint) {
        Optional<CompilationUnit> parsed = parse(text);
        if (parsed.isEmpty()) return Optional.empty();
        CompilationUnit cu = parsed.get();
        String variable = hint != null ? hint.data().get("variable") : null;
        if (variable == null) variable = sourceText(text, finding.range());
        if (variable == null || !variable.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) return Optional.empty();
        String resolve = hint != null ? hint.data().get("resolveExpression") : null;
        if (resolve == null) resolve = originExpression(cu, text, finding, variable);
        if (resolve == null) return Optional.empty();
        Optional<RelatedLocation> invalidation = related(finding, RelatedLocation.Role.INVALIDATION);
        if (invalidation.isEmpty()) return Optional.empty();
        Optional<Statement> statement = statementAt(cu, invalidation.get().range());
        if (statement.isEmpty() || statement.get().getParentNode().filter(p -> p instanceof BlockStmt).isEmpty()) return Optional.empty();
        // The new statement goes on its own line after the invalidating one, indented like it.
        Statement anchor = statement.get();
        Position end = anchor.getEnd().orElseThrow();
        LineMap lines = new LineMap(text);
        int insertAt = lines.offsetOf(end.line - 1, end.column);
        int anchorLineStart = lines.lineStart(anchor.getBegin().orElseThrow().line - 1);
        String indent = leadingWhitespace(text, anchorLineStart);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String insertion = newline + indent + variable + " = " + resolve.trim() + ";";
        TextRange at = lines.rangeOf(insertAt, insertAt);
        return Optional.of(new CodeFix("Resolve '" + variable + "' again after the call that invalidated it: "
                + variable + " = " + resolve.trim(), finding.key(), true, List.of(new CodeFix.Edit(at, insertion))));
    }

    /** The expression the pointer was resolved with, taken from the origin location or the variable's initialiser. */
    private String originExpression(CompilationUnit cu, String text, Finding finding, String variable) {
        Optional<RelatedLocation> origin = related(finding, RelatedLocation.Role.ORIGIN);
        if (origin.isPresent()) {
            Optional<MethodCallExpr> call = cu.findAll(MethodCallExpr.class).stream()
                    .filter(c -> covers(c, origin.get().range()) || startsAt(c, origin.get().range()))
                    .min(Comparator.comparingInt(QuickFixService::size));
            if (call.isPresent()) return call.get().toString();
        }
        // The initialiser of the variable's declaration, if it is a call.
        return cu.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(variable))
                .filter(v -> v.getBegin().isPresent() && v.getBegin().get().line <= finding.range().startLine())
                .reduce((a, b) -> b)
                .flatMap(VariableDeclarator::getInitializer)
                .filter(Expression::isMethodCallExpr)
                .map(Expression::toString)
                .orElse(null);
    }

    // ---- use the handle grow/shrink returned -----------------------------------------------------

    private Optional<CodeFix> useReturnedHandle(String text, Finding finding, FixHint hint) {
        Optional<CompilationUnit> parsed = parse(text);
        if (parsed.isEmpty()) return Optional.empty();
        CompilationUnit cu = parsed.get();
        String variable = hint != null ? hint.data().get("variable") : null;
        if (variable == null) variable = sourceText(text, finding.range());
        if (variable == null || variable.isBlank()) return Optional.empty();
        Optional<RelatedLocation> invalidation = related(finding, RelatedLocation.Role.INVALIDATION);
        if (invalidation.isEmpty()) return Optional.empty();
        Optional<MethodCallExpr> call = cu.findAll(MethodCallExpr.class).stream()
                .filter(c -> covers(c, invalidation.get().range()) || startsAt(c, invalidation.get().range()))
                .min(Comparator.comparingInt(QuickFixService::size));
        if (call.isEmpty()) return Optional.empty();
        LineMap lines = new LineMap(text);
        Node parent = call.get().getParentNode().orElse(null);
        if (parent instanceof ExpressionStmt) {
            // The returned handle was dropped: keep it in the variable.
            Position begin = call.get().getBegin().orElseThrow();
            int at = lines.offsetOf(begin.line - 1, begin.column - 1);
            return Optional.of(new CodeFix("Keep the handle that '" + call.get().getNameAsString() + "' returned: "
                    + variable + " = " + call.get(), finding.key(), true,
                    List.of(new CodeFix.Edit(lines.rangeOf(at, at), variable + " = "))));
        }
        String target = null;
        if (parent instanceof VariableDeclarator declarator) target = declarator.getNameAsString();
        if (parent instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr name) target = name.getNameAsString();
        if (target == null || target.equals(variable)) return Optional.empty();
        // The returned handle is in another variable: use it here.
        int start = finding.range().startOffset(), end = finding.range().endOffset();
        if (!variable.equals(text.substring(start, Math.min(end, text.length())))) return Optional.empty();
        return Optional.of(new CodeFix("Use '" + target + "', the handle '" + call.get().getNameAsString() + "' returned, instead of '"
                + variable + "'", finding.key(), true, List.of(new CodeFix.Edit(lines.rangeOf(start, end), target))));
    }

    // ---- reference counts: retain before a hand-off, release after the use -----------------------

    private static final java.util.Set<String> HAND_OFFS = java.util.Set.of("write", "writeAndFlush", "fireChannelRead");
    private static final java.util.Set<String> RELEASES = java.util.Set.of("release", "close", "memFree");

    /** {@code ctx.write(buf); buf.get…} becomes {@code buf.retain(); ctx.write(buf); buf.get…}. */
    private Optional<CodeFix> retainBeforeHandOff(String text, Finding finding) {
        Optional<CompilationUnit> parsed = parse(text);
        Optional<RelatedLocation> invalidation = related(finding, RelatedLocation.Role.INVALIDATION);
        String variable = sourceText(text, finding.range());
        if (parsed.isEmpty() || invalidation.isEmpty() || variable == null) return Optional.empty();
        CompilationUnit cu = parsed.get();
        Optional<MethodCallExpr> call = callAt(cu, invalidation.get().range());
        if (call.isEmpty() || !HAND_OFFS.contains(call.get().getNameAsString()) || call.get().getArguments().isEmpty()
                || !call.get().getArgument(0).toString().equals(variable)) return Optional.empty();
        Optional<Statement> statement = statementAt(cu, invalidation.get().range());
        if (statement.isEmpty() || statement.get().getParentNode().filter(p -> p instanceof BlockStmt).isEmpty()) return Optional.empty();
        LineMap lines = new LineMap(text);
        int lineStart = lines.lineStart(statement.get().getBegin().orElseThrow().line - 1);
        String indent = leadingWhitespace(text, lineStart);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        return Optional.of(new CodeFix("Retain '" + variable + "' before handing it off (" + variable + ".retain()), and release it"
                + " when this method is done with it", finding.key(), false,
                List.of(new CodeFix.Edit(lines.rangeOf(lineStart, lineStart), indent + variable + ".retain();" + newline))));
    }

    /** {@code buf.release(); … buf.get…;} becomes {@code … buf.get…; buf.release();} when both are statements of one block. */
    private Optional<CodeFix> moveReleaseAfterUse(String text, Finding finding) {
        Optional<CompilationUnit> parsed = parse(text);
        Optional<RelatedLocation> invalidation = related(finding, RelatedLocation.Role.INVALIDATION);
        if (parsed.isEmpty() || invalidation.isEmpty()) return Optional.empty();
        CompilationUnit cu = parsed.get();
        Optional<MethodCallExpr> call = callAt(cu, invalidation.get().range());
        if (call.isEmpty() || !RELEASES.contains(call.get().getNameAsString())) return Optional.empty();
        Optional<Statement> release = statementAt(cu, invalidation.get().range());
        Optional<Statement> use = statementAt(cu, finding.range());
        if (release.isEmpty() || use.isEmpty() || !(release.get() instanceof ExpressionStmt)
                || release.get().getParentNode().isEmpty() || use.get().getParentNode().isEmpty()
                || release.get().getParentNode().get() != use.get().getParentNode().get()
                || !(release.get().getParentNode().get() instanceof BlockStmt)
                || !release.get().getEnd().orElseThrow().isBefore(use.get().getBegin().orElseThrow())
                || use.get().isReturnStmt() || use.get().isThrowStmt()) return Optional.empty();
        LineMap lines = new LineMap(text);
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        int releaseLine = release.get().getBegin().orElseThrow().line - 1;
        int releaseStart = lines.lineStart(releaseLine);
        int releaseEnd = lines.lineStart(release.get().getEnd().orElseThrow().line); // the start of the next line
        String releaseText = text.substring(releaseStart, releaseEnd);
        Position useEnd = use.get().getEnd().orElseThrow();
        int useLineEnd = lines.lineStart(useEnd.line);
        return Optional.of(new CodeFix("Move '" + call.get() + "' after this use of it", finding.key(), true, List.of(
                new CodeFix.Edit(lines.rangeOf(releaseStart, releaseEnd), ""),
                new CodeFix.Edit(lines.rangeOf(useLineEnd, useLineEnd), releaseText.endsWith(newline) ? releaseText : releaseText + newline))));
    }

    private static Optional<MethodCallExpr> callAt(CompilationUnit cu, SourceRange range) {
        return cu.findAll(MethodCallExpr.class).stream()
                .filter(c -> covers(c, range) || startsAt(c, range))
                .min(Comparator.comparingInt(QuickFixService::size));
    }

    // ---- box.leak on an unpinned store ----------------------------------------------------------

    private Optional<CodeFix> keepBox(String text, Finding finding) {
        Optional<CompilationUnit> parsed = parse(text);
        if (parsed.isEmpty()) return Optional.empty();
        CompilationUnit cu = parsed.get();
        Optional<MethodCallExpr> leak = cu.findAll(MethodCallExpr.class).stream()
                .filter(c -> c.getNameAsString().equals("leak") && c.getArguments().isEmpty())
                .filter(c -> covers(c, finding.range()) || startsAt(c, finding.range())
                        || c.getName().getBegin().map(b -> b.line == finding.range().startLine()).orElse(false))
                .min(Comparator.comparingInt(QuickFixService::size));
        if (leak.isEmpty()) return Optional.empty();
        Position name = leak.get().getName().getBegin().orElseThrow();
        LineMap lines = new LineMap(text);
        int start = lines.offsetOf(name.line - 1, name.column - 1);
        String box = leak.get().getScope().map(Expression::toString).orElse("the box");
        return Optional.of(new CodeFix("Keep the box: use '" + box + ".get()' instead of 'leak()' — leaking is sound only from a @Pinned store "
                + "(e.g. GlobalStore); from this store the memory may move or be freed when the store closes, so keep '"
                + box + "' open for as long as the pointer is used", finding.key(), false,
                List.of(new CodeFix.Edit(lines.rangeOf(start, start + "leak".length()), "get"))));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Optional<CompilationUnit> parse(String text) {
        ParseResult<CompilationUnit> result = parser.parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) return Optional.empty();
        CompilationUnit cu = result.getResult().get();
        LexicalPreservingPrinter.setup(cu);
        return Optional.of(cu);
    }

    private static CodeFix fromRewrite(String before, String after, String title, String key, boolean preferred) {
        int prefix = 0;
        int max = Math.min(before.length(), after.length());
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) suffix++;
        LineMap lines = new LineMap(before);
        TextRange range = lines.rangeOf(prefix, before.length() - suffix);
        return new CodeFix(title, key, preferred, List.of(new CodeFix.Edit(range, after.substring(prefix, after.length() - suffix))));
    }

    private static Optional<RelatedLocation> related(Finding f, RelatedLocation.Role role) {
        return f.related().stream().filter(r -> r.role() == role && r.range() != null).findFirst();
    }

    private static Optional<BodyDeclaration<?>> innermostDeclaration(CompilationUnit cu, SourceRange range) {
        List<BodyDeclaration<?>> candidates = new ArrayList<>();
        for (Node n : cu.findAll(Node.class)) {
            if ((n instanceof CallableDeclaration<?> || n instanceof FieldDeclaration || n instanceof TypeDeclaration<?>)
                    && covers(n, range)) candidates.add((BodyDeclaration<?>) n);
        }
        return candidates.stream().min(Comparator.comparingInt(QuickFixService::size));
    }

    private static Optional<Statement> statementAt(CompilationUnit cu, SourceRange range) {
        return cu.findAll(Statement.class).stream()
                .filter(s -> !(s instanceof BlockStmt))
                .filter(s -> covers(s, range) || startsAt(s, range))
                .min(Comparator.comparingInt(QuickFixService::size));
    }

    private static String describe(BodyDeclaration<?> d) {
        if (d instanceof CallableDeclaration<?> c) return "'" + c.getNameAsString() + "'";
        if (d instanceof FieldDeclaration f) return "field '" + f.getVariable(0).getNameAsString() + "'";
        if (d instanceof TypeDeclaration<?> t) return "class '" + t.getNameAsString() + "'";
        return "the declaration";
    }

    /** True when the node's source range contains the start of the given range (1-based line/column). */
    private static boolean covers(Node n, SourceRange r) {
        if (n.getBegin().isEmpty() || n.getEnd().isEmpty()) return false;
        Position b = n.getBegin().get(), e = n.getEnd().get();
        Position s = new Position(r.startLine(), r.startColumn());
        return !s.isBefore(b) && !s.isAfter(e);
    }

    private static boolean startsAt(Node n, SourceRange r) {
        return n.getBegin().map(b -> b.line == r.startLine() && b.column == r.startColumn()).orElse(false);
    }

    private static int size(Node n) {
        Position b = n.getBegin().orElseThrow(), e = n.getEnd().orElseThrow();
        return (e.line - b.line) * 10_000 + (e.column - b.column);
    }

    private static String sourceText(String text, SourceRange r) {
        if (r.startOffset() < 0 || r.endOffset() > text.length() || r.endOffset() <= r.startOffset()) return null;
        return text.substring(r.startOffset(), r.endOffset()).trim();
    }

    private static String leadingWhitespace(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return text.substring(lineStart, i);
    }
}
