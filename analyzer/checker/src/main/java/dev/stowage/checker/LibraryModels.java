package dev.stowage.checker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.checkerframework.com.github.javaparser.JavaParser;
import org.checkerframework.com.github.javaparser.ParseResult;
import org.checkerframework.com.github.javaparser.ParserConfiguration;
import org.checkerframework.com.github.javaparser.ast.CompilationUnit;
import org.checkerframework.com.github.javaparser.ast.ImportDeclaration;
import org.checkerframework.com.github.javaparser.ast.StubUnit;
import org.checkerframework.com.github.javaparser.ast.body.BodyDeclaration;
import org.checkerframework.com.github.javaparser.ast.body.CallableDeclaration;
import org.checkerframework.com.github.javaparser.ast.body.ConstructorDeclaration;
import org.checkerframework.com.github.javaparser.ast.body.MethodDeclaration;
import org.checkerframework.com.github.javaparser.ast.body.Parameter;
import org.checkerframework.com.github.javaparser.ast.body.TypeDeclaration;
import org.checkerframework.com.github.javaparser.ast.expr.AnnotationExpr;
import org.checkerframework.com.github.javaparser.ast.expr.ArrayInitializerExpr;
import org.checkerframework.com.github.javaparser.ast.expr.BooleanLiteralExpr;
import org.checkerframework.com.github.javaparser.ast.expr.Expression;
import org.checkerframework.com.github.javaparser.ast.expr.FieldAccessExpr;
import org.checkerframework.com.github.javaparser.ast.expr.MemberValuePair;
import org.checkerframework.com.github.javaparser.ast.expr.NameExpr;
import org.checkerframework.com.github.javaparser.ast.expr.NormalAnnotationExpr;
import org.checkerframework.com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import org.checkerframework.com.github.javaparser.ast.expr.StringLiteralExpr;
import org.checkerframework.com.github.javaparser.ast.type.TypeParameter;

/**
 * Contracts for code that cannot be annotated: stub files in the Checker Framework's
 * {@code .astub} format (Java-like files that repeat a library's declarations with annotations on
 * them), parsed with the JavaParser the Checker Framework bundles. Each annotation of
 * {@code dev.stowage.qual} in a stub is turned into the same {@link Written} form that
 * {@link StoreContracts} makes of an annotation in source or bytecode, so a stub contract and a
 * source annotation mean exactly the same.
 *
 * <pre>{@code
 * package java.lang.foreign;
 * import dev.stowage.qual.*;
 * @OwnsMemory @ScopeChecked @Multiple @Stable
 * public interface Arena extends SegmentAllocator, AutoCloseable {
 *     @Creates static @Confined Arena ofConfined();
 *     @Invalidates(effect = Invalidates.Effect.CLOSE) void close();
 * }
 * }</pre>
 *
 * <p>Where a stub gives a method or type any Stowage annotation, those replace the annotations of
 * the declaration itself (as in the Checker Framework, the stub wins). A stub entry (type, method
 * or constructor) that matches nothing in the library is reported as a {@link Problem}: a typo in a
 * model must not silently switch a contract off.
 */
final class LibraryModels {

    /** An annotation as the contract reader sees it: qualified name and element values (defaults filled in). */
    record Written(String name, Map<String, Object> values) {}

    /** A stub file's text and the name it is reported under. */
    record Source(String name, String text) {}

    /** Something wrong with a stub: {@code error} when the file cannot be used at all, else a stub entry that matches nothing. */
    record Problem(String source, int line, String message, boolean error) {
        @Override
        public String toString() {
            return source + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    /** The bundled models: resource name, and the type whose presence switches the model on. */
    record Bundled(String resource, String activatedBy) {}

    static final String MODELS_DIR = "dev/stowage/checker/models/";
    static final String MODELS_INDEX = MODELS_DIR + "models.list";

    static final LibraryModels EMPTY = new LibraryModels(Map.of(), Map.of(), List.of(), List.of(), null);

    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static volatile List<Bundled> bundled;

    private final Map<Element, List<Written>> declared;
    private final Map<ExecutableElement, List<Written>> returnTypes;
    private final List<Problem> problems;
    private final List<String> loaded;
    /** The bundled models, read one type at a time when the compilation first asks about it; null when none. */
    private final Lazy lazy;

    private LibraryModels(Map<Element, List<Written>> declared, Map<ExecutableElement, List<Written>> returnTypes,
            List<Problem> problems, List<String> loaded, Lazy lazy) {
        this.declared = declared;
        this.returnTypes = returnTypes;
        this.problems = problems;
        this.loaded = loaded;
        this.lazy = lazy;
    }

    /** The Stowage annotations a stub gives this method, constructor or type; null when no stub mentions them. */
    List<Written> annotationsOf(Element e) {
        List<Written> own = declared.get(e);
        if (own != null || lazy == null) {
            return own; // the user's stubs win over the bundled models (they are read after them)
        }
        lazy.readFor(e);
        return lazy.declared.get(e);
    }

    /** The qualifiers a stub writes on this method's return type ({@code static @Pinned Arena global();}); empty when none. */
    List<Written> returnTypeAnnotationsOf(ExecutableElement m) {
        List<Written> own = returnTypes.get(m);
        if (own != null || lazy == null) {
            return own == null ? List.of() : own;
        }
        lazy.readFor(m);
        return lazy.returnTypes.getOrDefault(m, List.of());
    }

    /**
     * Stub entries that matched nothing, and files that could not be read or parsed. For the bundled
     * models, read lazily, only those of types read so far; the others go to {@link #onLateProblem}.
     */
    List<Problem> problems() {
        return problems;
    }

    /** Where a problem found later, when a bundled model's type is first read, is reported. */
    void onLateProblem(java.util.function.Consumer<Problem> sink) {
        if (lazy != null) {
            lazy.lateProblems = sink;
        }
    }

    /**
     * The bundled models of one compilation. Reading a stub entry means finding its type and method
     * among the compilation's elements, which makes javac complete those classes from their class
     * files: done for every entry up front, that was most of the checker's fixed cost per compilation
     * (about half of a small compilation's overhead, docs/benchmarks.md). So a type's entries are read
     * when the checker first asks about that type or one of its members, and not at all for types the
     * code never touches. Entries that match nothing are reported when their type is read
     * ({@code -AstubCheck=all} reads every entry up front, as a model's own test does).
     */
    private static final class Lazy {
        private final Elements elements;
        private final Types types;
        private final javax.lang.model.element.ModuleElement module;
        private final List<String> resources;
        private List<Map.Entry<String, Parsed>> sources; // parsed on first use
        private final Map<Element, List<Written>> declared = new HashMap<>();
        private final Map<ExecutableElement, List<Written>> returnTypes = new HashMap<>();
        private final Map<Element, Boolean> readTypes = new java.util.IdentityHashMap<>();
        private java.util.function.Consumer<Problem> lateProblems = p -> {};

        Lazy(Elements elements, Types types, javax.lang.model.element.ModuleElement module, List<String> resources) {
            this.elements = elements;
            this.types = types;
            this.module = module;
            this.resources = resources;
        }

        /** The parsed models (a model that does not parse is a problem: reported once, then left out). */
        private List<Map.Entry<String, Parsed>> sources(java.util.function.Consumer<Problem> onProblem) {
            if (sources == null) {
                sources = new ArrayList<>();
                for (String resource : resources) {
                    Source source = bundledSource(resource);
                    Parsed parsed = parse(source);
                    if (!parsed.result().isSuccessful() || parsed.result().getResult().isEmpty()) {
                        onProblem.accept(parseProblem(source, parsed));
                    } else {
                        sources.add(Map.entry(source.name(), parsed));
                    }
                }
            }
            return sources;
        }

        void readFor(Element e) {
            Element type = e;
            while (type != null && !(type instanceof TypeElement)) {
                type = type.getEnclosingElement();
            }
            if (type == null || readTypes.putIfAbsent(type, Boolean.TRUE) != null) {
                return;
            }
            String name = ((TypeElement) type).getQualifiedName().toString();
            for (Map.Entry<String, Parsed> source : sources(lateProblems)) {
                List<Parsed.TypeEntry> entries = source.getValue().byType().get(name);
                if (entries == null) {
                    continue;
                }
                List<Problem> found = new ArrayList<>();
                Reader reader = new Reader(elements, types, module, source.getKey(), declared, returnTypes, found);
                for (Parsed.TypeEntry entry : entries) {
                    reader.readTypeOnly(entry);
                }
                found.forEach(lateProblems);
            }
        }

        void readAll(List<Problem> problems) {
            for (Map.Entry<String, Parsed> source : sources(problems::add)) {
                for (List<Parsed.TypeEntry> entries : source.getValue().byType().values()) {
                    TypeElement type = typeElement(elements, module, entries.getFirst().qualifiedName());
                    if (type != null && readTypes.putIfAbsent(type, Boolean.TRUE) != null) {
                        continue;
                    }
                    Reader reader = new Reader(elements, types, module, source.getKey(), declared, returnTypes, problems);
                    for (Parsed.TypeEntry entry : entries) {
                        reader.readTypeOnly(entry);
                    }
                }
            }
        }
    }

    /**
     * A parsed stub file (cached per JVM) and its type declarations by qualified name (nested types
     * under their own names), each with the type parameters in scope and its compilation unit (for
     * the imports that qualify its annotations).
     */
    record Parsed(ParseResult<StubUnit> result, Map<String, List<TypeEntry>> byType) {
        record TypeEntry(String qualifiedName, TypeDeclaration<?> decl, CompilationUnit unit, Set<String> outerTypeParameters) {}

        static Parsed of(ParseResult<StubUnit> result) {
            Map<String, List<TypeEntry>> byType = new LinkedHashMap<>();
            if (result.isSuccessful() && result.getResult().isPresent()) {
                for (CompilationUnit cu : result.getResult().get().getCompilationUnits()) {
                    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
                    for (TypeDeclaration<?> type : cu.getTypes()) {
                        index(byType, cu, type, pkg.isEmpty() ? type.getNameAsString() : pkg + "." + type.getNameAsString(), Set.of());
                    }
                }
            }
            return new Parsed(result, byType);
        }

        private static void index(Map<String, List<TypeEntry>> byType, CompilationUnit cu, TypeDeclaration<?> decl,
                String qualifiedName, Set<String> outer) {
            byType.computeIfAbsent(qualifiedName, k -> new ArrayList<>()).add(new TypeEntry(qualifiedName, decl, cu, outer));
            Set<String> typeParameters = new HashSet<>(outer);
            if (decl instanceof org.checkerframework.com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> g) {
                for (TypeParameter tp : g.getTypeParameters()) {
                    typeParameters.add(tp.getNameAsString());
                }
            }
            for (BodyDeclaration<?> member : decl.getMembers()) {
                if (member instanceof TypeDeclaration<?> nested) {
                    index(byType, cu, nested, qualifiedName + "." + nested.getNameAsString(), Set.copyOf(typeParameters));
                }
            }
        }
    }

    /** The names of the stub sources that were read, in order. */
    List<String> loaded() {
        return loaded;
    }

    // ---------------------------------------------------------------- loading

    /**
     * Reads the bundled models whose library is on the classpath (the JDK's always is) and then the
     * user's stub files ({@code -Astubs=}: files or directories of {@code .astub} files, separated by
     * the platform's path separator). Later sources win over earlier ones for the same declaration.
     */
    static LibraryModels load(Elements elements, Types types, String userStubs) {
        return load(elements, types, null, userStubs, false);
    }

    /**
     * As above; {@code checkAll} reads every entry of the bundled models up front (so that each one
     * that matches nothing is in {@link #problems()}), instead of each type when it is first asked about.
     * {@code module}, when not null, is the module the compiled code is in (the unnamed one for a
     * classpath compilation): names are looked up as that code sees them, which is much cheaper than
     * javac's search of every module (each bundled model's switch is a lookup of a class that is usually absent).
     */
    static LibraryModels load(Elements elements, Types types, javax.lang.model.element.ModuleElement module, String userStubs,
            boolean checkAll) {
        List<Source> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> bundledNames = new ArrayList<>();
        for (Bundled b : bundledModels()) {
            if (typeElement(elements, module, b.activatedBy()) != null) {
                bundledNames.add(b.resource()); // parsed when first needed (or already, by preparseBundled)
            }
        }
        if (userStubs != null && !userStubs.isBlank()) {
            for (String entry : userStubs.split(java.io.File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = Path.of(entry.trim());
                try {
                    for (Path file : stubFiles(path)) {
                        sources.add(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                    }
                } catch (IOException | UncheckedIOException e) {
                    problems.add(new Problem(entry, 0, "cannot read the stub file: " + e.getMessage(), true));
                }
            }
        }
        Lazy lazy = bundledNames.isEmpty() ? null : new Lazy(elements, types, module, bundledNames);
        if (lazy != null && checkAll) {
            lazy.readAll(problems);
        }
        List<String> names = new ArrayList<>();
        bundledNames.forEach(b -> names.add("bundled:" + b));
        return read(elements, types, module, sources, problems, names, lazy);
    }

    /** A type by its canonical name, as code in {@code module} sees it (null: javac's search of all modules). */
    static TypeElement typeElement(Elements elements, javax.lang.model.element.ModuleElement module, String name) {
        return module == null ? elements.getTypeElement(name) : elements.getTypeElement(module, name);
    }

    /** A stub file, or the {@code .astub} files under a directory (sorted, so the order is stable). */
    private static List<Path> stubFiles(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> p.toString().endsWith(".astub") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** Reads stub sources against the library the compilation sees. */
    static LibraryModels read(Elements elements, Types types, List<Source> sources, List<Problem> problemsSoFar) {
        return read(elements, types, null, sources, problemsSoFar, List.of(), null);
    }

    private static LibraryModels read(Elements elements, Types types, javax.lang.model.element.ModuleElement module,
            List<Source> sources, List<Problem> problemsSoFar, List<String> loadedSoFar, Lazy lazy) {
        Map<Element, List<Written>> declared = new HashMap<>();
        Map<ExecutableElement, List<Written>> returnTypes = new HashMap<>();
        List<Problem> problems = new ArrayList<>(problemsSoFar);
        List<String> loaded = new ArrayList<>(loadedSoFar);
        for (Source source : sources) {
            Parsed parsed = parse(source);
            if (!parsed.result().isSuccessful() || parsed.result().getResult().isEmpty()) {
                problems.add(parseProblem(source, parsed));
                continue;
            }
            loaded.add(source.name());
            new Reader(elements, types, module, source.name(), declared, returnTypes, problems).read(parsed.result().getResult().get());
        }
        return new LibraryModels(declared, returnTypes, List.copyOf(problems), List.copyOf(loaded), lazy);
    }

    private static Parsed parse(Source source) {
        return PARSED.computeIfAbsent(cacheKey(source.name(), source.text()), k -> Parsed.of(parser().parseStubUnit(source.text())));
    }

    private static Problem parseProblem(Source source, Parsed parsed) {
        var problems = parsed.result().getProblems();
        String why = problems.isEmpty() ? "unknown parse error" : problems.getFirst().getVerboseMessage();
        return new Problem(source.name(), 0, "cannot parse the stub file: " + why.replace('\n', ' '), true);
    }

    private static JavaParser parser() {
        // The checker needs neither comments nor the language-level validators (a stub is no Java a
        // compiler checks): without them a parse is faster, and the parse is a fixed cost of every
        // javac run with the checker. Tokens stay: they give the lines that problems are reported at.
        ParserConfiguration config = new ParserConfiguration();
        config.setLanguageLevel(ParserConfiguration.LanguageLevel.RAW);
        config.setAttributeComments(false);
        return new JavaParser(config);
    }

    /**
     * Parses the bundled models into the per-JVM cache, so that a checker can start this on a
     * background thread while javac parses and attributes, and {@link #load} then finds them parsed.
     */
    static void preparseBundled() {
        for (Bundled b : bundledModels()) {
            try {
                // Only the models of the JDK the checker runs on: those are on in every compilation;
                // a library's model is parsed when a compilation that has the library first needs it.
                Class.forName(b.activatedBy(), false, ClassLoader.getPlatformClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            parse(bundledSource(b.resource()));
        }
    }

    private static final Map<String, String> BUNDLED_TEXT = new ConcurrentHashMap<>();

    private static Source bundledSource(String resource) {
        return new Source("bundled:" + resource, BUNDLED_TEXT.computeIfAbsent(resource, LibraryModels::resource));
    }

    private static String cacheKey(String name, String text) {
        return name + "\u0000" + text.hashCode() + "\u0000" + text.length();
    }

    static List<Bundled> bundledModels() {
        List<Bundled> b = bundled;
        if (b == null) {
            List<Bundled> list = new ArrayList<>();
            for (String line : resource("models.list").split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                list.add(new Bundled(parts[0], parts[1]));
            }
            bundled = b = List.copyOf(list);
        }
        return b;
    }

    static String resource(String name) {
        String path = name.startsWith(MODELS_DIR) ? name : MODELS_DIR + name;
        try (InputStream in = LibraryModels.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the checker jar lacks its bundled model " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- one stub file

    private static final class Reader {
        private final Elements elements;
        private final Types types;
        private final javax.lang.model.element.ModuleElement module;
        private final String source;
        private final Map<Element, List<Written>> declared;
        private final Map<ExecutableElement, List<Written>> returnTypes;
        private final List<Problem> problems;
        private CompilationUnit unit;

        Reader(Elements elements, Types types, javax.lang.model.element.ModuleElement module, String source,
                Map<Element, List<Written>> declared, Map<ExecutableElement, List<Written>> returnTypes, List<Problem> problems) {
            this.elements = elements;
            this.types = types;
            this.module = module;
            this.source = source;
            this.declared = declared;
            this.returnTypes = returnTypes;
            this.problems = problems;
        }

        void read(StubUnit stub) {
            for (CompilationUnit cu : stub.getCompilationUnits()) {
                unit = cu;
                String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
                for (TypeDeclaration<?> type : cu.getTypes()) {
                    readType(type, pkg.isEmpty() ? type.getNameAsString() : pkg + "." + type.getNameAsString(), Set.of());
                }
            }
        }

        /** One type's own entries (not its nested types': they are indexed, and read, on their own). */
        void readTypeOnly(Parsed.TypeEntry entry) {
            unit = entry.unit();
            readType(entry.decl(), entry.qualifiedName(), entry.outerTypeParameters(), false);
        }

        private void readType(TypeDeclaration<?> decl, String qualifiedName, Set<String> outerTypeParameters) {
            readType(decl, qualifiedName, outerTypeParameters, true);
        }

        private void readType(TypeDeclaration<?> decl, String qualifiedName, Set<String> outerTypeParameters, boolean nested) {
            TypeElement type = typeElement(elements, module, qualifiedName);
            if (type == null) {
                problem(decl, "type " + qualifiedName + " is not on the classpath: the stub entry matches nothing");
                return;
            }
            Set<String> typeParameters = new HashSet<>(outerTypeParameters);
            if (decl instanceof org.checkerframework.com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> g) {
                for (TypeParameter tp : g.getTypeParameters()) {
                    typeParameters.add(tp.getNameAsString());
                }
            }
            put(type, written(decl.getAnnotations()));
            for (BodyDeclaration<?> member : decl.getMembers()) {
                if (member instanceof TypeDeclaration<?> inner) {
                    if (nested) {
                        readType(inner, qualifiedName + "." + inner.getNameAsString(), typeParameters);
                    }
                } else if (member instanceof MethodDeclaration || member instanceof ConstructorDeclaration) {
                    readCallable((CallableDeclaration<?>) member, type, typeParameters);
                }
            }
        }

        private void readCallable(CallableDeclaration<?> decl, TypeElement owner, Set<String> typeParameters) {
            Set<String> tps = new HashSet<>(typeParameters);
            for (TypeParameter tp : decl.getTypeParameters()) {
                tps.add(tp.getNameAsString());
            }
            boolean constructor = decl instanceof ConstructorDeclaration;
            List<? extends ExecutableElement> candidates = constructor
                    ? ElementFilter.constructorsIn(owner.getEnclosedElements())
                    : ElementFilter.methodsIn(owner.getEnclosedElements());
            ExecutableElement match = null;
            for (ExecutableElement m : candidates) {
                if ((constructor || m.getSimpleName().contentEquals(decl.getNameAsString())) && sameParameters(decl, m, tps)) {
                    match = m;
                    break;
                }
            }
            if (match == null) {
                StringBuilder written = new StringBuilder(owner.getQualifiedName()).append('.').append(decl.getNameAsString()).append('(');
                for (int i = 0; i < decl.getParameters().size(); i++) {
                    written.append(i == 0 ? "" : ", ").append(decl.getParameter(i));
                }
                problem(decl, (constructor ? "constructor " : "method ") + written + ") matches no "
                        + (constructor ? "constructor" : "method") + " of the library");
                return;
            }
            List<Written> all = written(decl.getAnnotations());
            List<Written> onMethod = new ArrayList<>();
            List<Written> onReturn = new ArrayList<>();
            for (Written w : all) {
                (StoreContracts.isTypeQualifier(w.name()) ? onReturn : onMethod).add(w);
            }
            if (decl instanceof MethodDeclaration md) {
                onReturn.addAll(written(md.getType().getAnnotations()));
            }
            put(match, onMethod);
            if (!onReturn.isEmpty()) {
                returnTypes.put(match, List.copyOf(onReturn));
            }
        }

        private void put(Element e, List<Written> annotations) {
            if (!annotations.isEmpty()) {
                declared.put(e, List.copyOf(annotations));
            }
        }

        private boolean sameParameters(CallableDeclaration<?> decl, ExecutableElement m, Set<String> typeParameters) {
            List<Parameter> params = decl.getParameters();
            List<? extends VariableElement> actual = m.getParameters();
            if (params.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.get(i);
                String stubType = p.getType().asString().replaceAll("<.*>", "").replaceAll("@\\S+\\s+", "").strip();
                if (typeParameters.contains(stubType.replace("[]", ""))) {
                    continue; // a type variable: its erasure is its bound, whatever the stub calls it
                }
                String expected = simpleNames(stubType) + (p.isVarArgs() ? "[]" : "");
                TypeMirror erased = types.erasure(actual.get(i).asType());
                if (!expected.equals(simpleNames(erased.toString()))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code java.lang.foreign.Linker.Option[]} and {@code Linker.Option[]} both become {@code Option[]}. */
        private static String simpleNames(String type) {
            String t = type.replaceAll("<.*>", "").strip();
            int dims = t.indexOf('[');
            String base = dims >= 0 ? t.substring(0, dims) : t;
            String suffix = dims >= 0 ? t.substring(dims).replace(" ", "") : "";
            return base.substring(base.lastIndexOf('.') + 1) + suffix;
        }

        /** The Stowage annotations among these, with their values (and the annotation type's defaults). */
        private List<Written> written(List<AnnotationExpr> annotations) {
            List<Written> out = new ArrayList<>();
            for (AnnotationExpr a : annotations) {
                String name = qualify(a.getNameAsString());
                if (name == null || !name.startsWith(StoreContracts.QUAL_PACKAGE)) {
                    continue; // other checkers' annotations in a shared stub file are not ours to read
                }
                TypeElement annotationType = typeElement(elements, module, name);
                if (annotationType == null) {
                    problem(a, "unknown Stowage annotation @" + a.getNameAsString());
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (ExecutableElement element : ElementFilter.methodsIn(annotationType.getEnclosedElements())) {
                    if (element.getDefaultValue() != null) {
                        Object v = element.getDefaultValue().getValue();
                        values.put(element.getSimpleName().toString(), v instanceof VariableElement ve ? ve.getSimpleName().toString() : v);
                    }
                }
                if (a instanceof SingleMemberAnnotationExpr single) {
                    values.put("value", value(single.getMemberValue()));
                } else if (a instanceof NormalAnnotationExpr normal) {
                    for (MemberValuePair pair : normal.getPairs()) {
                        values.put(pair.getNameAsString(), value(pair.getValue()));
                    }
                }
                out.add(new Written(name, values));
            }
            return out;
        }

        private Object value(Expression e) {
            if (e instanceof StringLiteralExpr s) {
                return s.asString();
            }
            if (e instanceof BooleanLiteralExpr b) {
                return b.getValue();
            }
            if (e instanceof FieldAccessExpr f) {
                return f.getNameAsString(); // Effect.CLOSE, Invalidates.Effect.CLOSE: the constant's name
            }
            if (e instanceof NameExpr n) {
                return n.getNameAsString(); // a statically imported constant
            }
            if (e instanceof ArrayInitializerExpr array) {
                List<Object> values = new ArrayList<>();
                for (Expression v : array.getValues()) {
                    values.add(v instanceof AnnotationExpr a ? written(List.of(a)).stream().findFirst().orElse(null) : value(v));
                }
                return values;
            }
            return e.toString();
        }

        /** The qualified name of an annotation written in the stub, through its imports; null when it resolves to nothing. */
        private String qualify(String written) {
            if (written.contains(".")) {
                if (typeElement(elements, module, written) != null) {
                    return written;
                }
                // Invalidates.List, or dev.stowage.qual.Invalidates written in full
                String first = written.substring(0, written.indexOf('.'));
                String outer = qualify(first);
                return outer == null ? null : outer + written.substring(first.length());
            }
            for (ImportDeclaration imp : unit.getImports()) {
                if (imp.isStatic()) {
                    continue;
                }
                String name = imp.getNameAsString();
                if (!imp.isAsterisk() && name.endsWith("." + written)) {
                    return name;
                }
                if (imp.isAsterisk() && typeElement(elements, module, name + "." + written) != null) {
                    return name + "." + written;
                }
            }
            String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
            return typeElement(elements, module, pkg + written) != null ? pkg + written : null;
        }

        private void problem(org.checkerframework.com.github.javaparser.ast.Node node, String message) {
            int line = node.getBegin().map(p -> p.line).orElse(0);
            problems.add(new Problem(source, line, message, false));
        }
    }
}
