package dev.stowage.checker;

import dev.stowage.qual.Invalidates.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Everything the checker knows about stores comes from here: it reads the contract annotations of
 * {@code dev.stowage.qual} on methods ({@code @Invalidates} with its capacity promises
 * {@code unlessReserved}/{@code unlessPresent}, {@code @Resolves}, {@code @Issues}, {@code @Leaks},
 * {@code @Reserves}, inherited from the methods they override) and the type qualifiers of store types
 * ({@code @Multiple}, {@code @Stable}, {@code @Pinned}, {@code @SharedStore}) and the class-level
 * contracts ({@code @ScopeChecked}, {@code @Persistent}, {@code @OwnsMemory}). It knows no store
 * class by name. Lookups are cached per element: one instance lives as long as one compilation.
 *
 * <p>The same annotations may come from stub files ({@link LibraryModels}: the bundled models such
 * as the JDK's, and the user's {@code -Astubs=}): both are read into one form ({@link
 * LibraryModels.Written}) and interpreted by the same code here, so a stub contract and a source
 * annotation mean the same. A stub that mentions a declaration replaces its own annotations.
 *
 * <p>Unannotated methods are assumed to invalidate nothing, with one exception: {@code close()}
 * (no parameters) on a type that has contracts is a {@code CLOSE} of the receiver, as
 * {@code AutoCloseable} implies.
 */
final class StoreContracts {

    static final String QUAL_PACKAGE = "dev.stowage.qual.";
    private static final String INVALIDATES = QUAL_PACKAGE + "Invalidates";
    private static final String INVALIDATES_LIST = QUAL_PACKAGE + "Invalidates.List";
    private static final String RESOLVES = QUAL_PACKAGE + "Resolves";
    private static final String ISSUES = QUAL_PACKAGE + "Issues";
    private static final String LEAKS = QUAL_PACKAGE + "Leaks";
    private static final String RESERVES = QUAL_PACKAGE + "Reserves";
    private static final String POLY_STORE = QUAL_PACKAGE + "PolyStore";
    private static final String ENSURES_PRESENT_IF = QUAL_PACKAGE + "EnsuresPresentIf";
    private static final String DERIVES = QUAL_PACKAGE + "Derives";
    private static final String CREATES = QUAL_PACKAGE + "Creates";
    private static final String RUNS_ON_ANOTHER_THREAD = QUAL_PACKAGE + "RunsOnAnotherThread";
    private static final String OWNS_MEMORY = QUAL_PACKAGE + "OwnsMemory";
    private static final String SCOPE_CHECKED = QUAL_PACKAGE + "ScopeChecked";
    private static final String PERSISTENT = QUAL_PACKAGE + "Persistent";
    private static final String RETAINS = QUAL_PACKAGE + "Retains";
    private static final String BORROWS = QUAL_PACKAGE + "Borrows";
    private static final String ENVELOPE = QUAL_PACKAGE + "Envelope";
    private static final String NEVER_THROWS = QUAL_PACKAGE + "NeverThrows";
    private static final String QUERY = QUAL_PACKAGE + "Query";
    private static final java.util.Set<String> TYPE_QUALIFIERS = java.util.Set.of(QUAL_PACKAGE + "Multiple",
            QUAL_PACKAGE + "Stable", QUAL_PACKAGE + "Pinned", QUAL_PACKAGE + "SharedStore", QUAL_PACKAGE + "Confined");

    /** True for the type qualifiers (written on a type use, e.g. a method's return type), as opposed to declaration annotations. */
    static boolean isTypeQualifier(String qualifiedName) {
        return TYPE_QUALIFIERS.contains(qualifiedName);
    }

    /**
     * One {@code @Invalidates}: target 0 is the receiver, n the n-th parameter; handleParam 0 is
     * none. {@code unlessReserved}: skipped (using one unit) while room reserved by a
     * {@code @Reserves} call remains; {@code unlessPresent}: the parameter holding a key whose
     * known presence in the object skips the effect (0: none).
     */
    record Invalidation(int target, Effect effect, int handleParam, boolean unlessReserved, int unlessPresent) {}

    /**
     * A method's contract; {@code resolvesOwner}/{@code issuesOwner}/{@code derivesFrom} are -1 when
     * absent; {@code reservesParam} is the parameter of {@code @Reserves} (the count of elements the
     * receiver has room for afterwards), 0 when absent; {@code creates}: the result is a new object
     * ({@code @Creates}); {@code resultQuals}: qualifiers written on the return type;
     * {@code runsElsewhere}: the argument that runs on another thread ({@code @RunsOnAnotherThread}),
     * 0 when none; {@code retains}: -1 when absent, 0 for one reference ({@code @Retains}), n for
     * the parameter holding the count ({@code @Retains("#n")}); {@code borrowed}: the parameters a
     * {@code @Borrows} method must not release.
     */
    record Contract(List<Invalidation> invalidations, int resolvesOwner, int resolvesHandle, int issuesOwner, boolean leaks,
            int reservesParam, int derivesFrom, boolean creates, Quals resultQuals, int runsElsewhere, int retains,
            java.util.Set<Integer> borrowed) {
        static final Contract NONE = new Contract(List.of(), -1, 0, -1, false, 0, -1, false, Quals.NONE, 0, -1, java.util.Set.of());

        boolean isEmpty() {
            return invalidations.isEmpty() && resolvesOwner < 0 && issuesOwner < 0 && !leaks && reservesParam == 0
                    && derivesFrom < 0 && !creates && resultQuals.equals(Quals.NONE) && runsElsewhere == 0 && retains < 0
                    && borrowed.isEmpty();
        }

        boolean retainsReference() {
            return retains >= 0;
        }

        boolean resolves() {
            return resolvesOwner >= 0;
        }

        boolean issues() {
            return issuesOwner >= 0;
        }

        boolean derives() {
            return derivesFrom >= 0;
        }

        /** True when the contract says something about the receiver itself (what makes its type a contract type). */
        boolean concernsReceiver() {
            return invalidations.stream().anyMatch(i -> i.target() == 0) || resolvesOwner == 0 || issuesOwner == 0 || leaks
                    || reservesParam > 0 || retains >= 0;
        }
    }

    private final Elements elements;
    private final Types types;
    private final Map<ExecutableElement, Contract> contracts = new HashMap<>();
    private final Map<TypeElement, Boolean> contractTypes = new HashMap<>();
    private final Map<TypeElement, Boolean> storeLikeTypes = new HashMap<>();

    private final LibraryModels models;

    StoreContracts(Elements elements, Types types) {
        this(elements, types, LibraryModels.EMPTY);
    }

    StoreContracts(Elements elements, Types types, LibraryModels models) {
        this.elements = elements;
        this.types = types;
        this.models = models;
    }

    LibraryModels models() {
        return models;
    }

    Types types() {
        return types;
    }

    /** The contract of a method or constructor, its own annotations first, else those of what it overrides. */
    Contract of(ExecutableElement method) {
        Contract cached = contracts.get(method);
        if (cached != null) {
            return cached;
        }
        Contract c = read(method);
        if (c.isEmpty()) {
            for (ExecutableElement overridden : overridden(method)) {
                c = read(overridden);
                if (!c.isEmpty()) {
                    break;
                }
            }
        }
        if (c.isEmpty() && isImplicitClose(method)) {
            c = new Contract(List.of(new Invalidation(0, Effect.CLOSE, 0, false, 0)), -1, 0, -1, false, 0, -1, false, Quals.NONE, 0,
                    -1, java.util.Set.of());
        }
        contracts.put(method, c);
        return c;
    }

    /**
     * True when this method's {@code @Borrows} holds only while the object's class keeps its
     * class's boolean constructor flag on ({@code @Borrows(unlessConstructedWithFalse = true)}).
     */
    boolean borrowsUnlessConstructedWithFalse(ExecutableElement method) {
        for (LibraryModels.Written am : annotationsOf(method)) {
            if (am.name().equals(BORROWS) && Boolean.TRUE.equals(am.values().get("unlessConstructedWithFalse"))) {
                return true;
            }
        }
        return false;
    }

    private final Map<ExecutableElement, Boolean> ownFieldReaders = new HashMap<>();

    /**
     * True when {@code method}, called on an object that was closed or handed away, touches none of
     * its memory: it is declared by a subtype of an {@code @Envelope} type and overrides no method of
     * that type or of its supertypes (an HTTP/2 frame's {@code initialFlowControlledBytes()}, not its
     * {@code content()}).
     */
    boolean readsOnlyOwnFields(ExecutableElement method) {
        Boolean cached = ownFieldReaders.get(method);
        if (cached == null) {
            cached = computeReadsOnlyOwnFields(method);
            ownFieldReaders.put(method, cached);
        }
        return cached;
    }

    private boolean computeReadsOnlyOwnFields(ExecutableElement method) {
        if (method.getKind() != ElementKind.METHOD || method.getModifiers().contains(Modifier.STATIC)
                || !(method.getEnclosingElement() instanceof TypeElement owner)) {
            return false;
        }
        List<TypeElement> envelopes = new ArrayList<>();
        collectEnvelopes(owner.asType(), envelopes, new java.util.HashSet<>());
        if (envelopes.isEmpty()) {
            return false;
        }
        List<ExecutableElement> declarations = new ArrayList<>(overridden(method));
        declarations.add(method);
        for (ExecutableElement d : declarations) {
            TypeMirror declaring = types.erasure(d.getEnclosingElement().asType());
            for (TypeElement envelope : envelopes) {
                if (types.isSubtype(types.erasure(envelope.asType()), declaring)) {
                    return false; // the envelope's own method (or one of its supertypes'): it touches the content
                }
            }
        }
        return true;
    }

    /** The {@code @Envelope} types among {@code type}'s strict supertypes (the envelope itself is not its own subtype). */
    private void collectEnvelopes(TypeMirror type, List<TypeElement> out, java.util.Set<Element> seen) {
        for (TypeMirror sup : types.directSupertypes(type)) {
            if (sup instanceof DeclaredType dt && dt.asElement() instanceof TypeElement te && seen.add(te)) {
                if (annotationsOf(te).stream().anyMatch(w -> w.name().equals(ENVELOPE))) {
                    out.add(te);
                }
                collectEnvelopes(sup, out, seen);
            }
        }
    }

    private final Map<ExecutableElement, int[]> polyParams = new HashMap<>();

    /**
     * The parameters ({@code 1..n}) marked {@code @PolyStore}: the object the constructor creates, or
     * the method returns, has the guarantees of the arguments passed there (empty for most methods).
     */
    int[] polyStoreParams(ExecutableElement method) {
        int[] cached = polyParams.get(method);
        if (cached == null) {
            List<Integer> found = new ArrayList<>();
            var params = method.getParameters();
            for (int i = 0; i < params.size(); i++) {
                for (LibraryModels.Written a : annotationsOf(params.get(i))) {
                    if (a.name().equals(POLY_STORE)) {
                        found.add(i + 1);
                    }
                }
            }
            cached = found.stream().mapToInt(Integer::intValue).toArray();
            polyParams.put(method, cached);
        }
        return cached;
    }

    private final Map<ExecutableElement, int[]> presenceTests = new HashMap<>();

    /**
     * For a membership test ({@code @EnsuresPresentIf}): {@code {key parameter (1..n), 1 if the key
     * is present when it returns true, else 0}}; an empty array for any other method.
     */
    int[] presenceTest(ExecutableElement method) {
        int[] cached = presenceTests.get(method);
        if (cached == null) {
            cached = new int[0];
            // Read like every other contract: from a stub when one mentions the method, else its own annotations.
            for (LibraryModels.Written a : annotationsOf(method)) {
                if (a.name().equals(ENSURES_PRESENT_IF)) {
                    int key = position((String) a.values().get("key"), method);
                    if (key > 0) {
                        // a stub may leave out result; its default is true, as in the annotation
                        cached = new int[] {key, Boolean.FALSE.equals(a.values().get("result")) ? 0 : 1};
                    }
                }
            }
            presenceTests.put(method, cached);
        }
        return cached;
    }

    private final Map<ExecutableElement, Boolean> neverThrows = new HashMap<>();
    private final Map<ExecutableElement, Boolean> queries = new HashMap<>();

    /** True when the method (or one it overrides) is a {@code @Query}: {@code boolean}, no parameters, reads only its receiver. */
    boolean isQuery(ExecutableElement method) {
        if (method == null || !method.getParameters().isEmpty()
                || method.getReturnType().getKind() != javax.lang.model.type.TypeKind.BOOLEAN) {
            return false;
        }
        Boolean cached = queries.get(method);
        if (cached == null) {
            cached = annotationsOf(method).stream().anyMatch(a -> a.name().equals(QUERY));
            for (ExecutableElement overridden : cached ? List.<ExecutableElement>of() : overridden(method)) {
                if (annotationsOf(overridden).stream().anyMatch(a -> a.name().equals(QUERY))) {
                    cached = true;
                    break;
                }
            }
            queries.put(method, cached);
        }
        return cached;
    }

    /**
     * True when the method, or one it overrides, is {@code @NeverThrows}: its calls have no
     * exceptional exit (a {@code ChannelPromise.trySuccess()} call resolves to the override, the
     * model annotates {@code Promise}'s).
     */
    boolean neverThrows(ExecutableElement method) {
        if (method == null) {
            return false;
        }
        Boolean cached = neverThrows.get(method);
        if (cached == null) {
            cached = annotationsOf(method).stream().anyMatch(a -> a.name().equals(NEVER_THROWS));
            for (ExecutableElement overridden : cached ? List.<ExecutableElement>of() : overridden(method)) {
                if (annotationsOf(overridden).stream().anyMatch(a -> a.name().equals(NEVER_THROWS))) {
                    cached = true;
                    break;
                }
            }
            neverThrows.put(method, cached);
        }
        return cached;
    }

    /** {@code close()} on a type with contracts: the AutoCloseable drop, a CLOSE even when unannotated. */
    private boolean isImplicitClose(ExecutableElement method) {
        return method.getSimpleName().contentEquals("close")
                && method.getParameters().isEmpty()
                && !method.getModifiers().contains(Modifier.STATIC)
                && method.getEnclosingElement() instanceof TypeElement owner
                && isContractType(owner);
    }

    /** The Stowage annotations of a declaration: a stub's, when one mentions it, else its own. */
    private List<LibraryModels.Written> annotationsOf(Element e) {
        List<LibraryModels.Written> fromStub = models.annotationsOf(e);
        if (fromStub != null) {
            return fromStub;
        }
        List<LibraryModels.Written> out = new ArrayList<>();
        for (AnnotationMirror am : e.getAnnotationMirrors()) {
            String name = ((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.startsWith(QUAL_PACKAGE)) {
                out.add(written(am));
            }
        }
        return out;
    }

    /** An annotation mirror in the form stubs are read into: enum constants by name, nested annotations converted. */
    private LibraryModels.Written written(AnnotationMirror am) {
        String name = ((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString();
        Map<String, Object> values = new HashMap<>();
        for (var e : elements.getElementValuesWithDefaults(am).entrySet()) {
            values.put(e.getKey().getSimpleName().toString(), plain(e.getValue().getValue()));
        }
        return new LibraryModels.Written(name, values);
    }

    private Object plain(Object v) {
        if (v instanceof VariableElement ve) {
            return ve.getSimpleName().toString();
        }
        if (v instanceof AnnotationMirror nested) {
            return written(nested);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(plain(((AnnotationValue) o).getValue()));
            }
            return out;
        }
        return v;
    }

    /** The qualifiers on a method's return type: written in a stub, or in the declaration. */
    private Quals resultQuals(ExecutableElement method) {
        List<LibraryModels.Written> fromStub = models.returnTypeAnnotationsOf(method);
        Quals q = fromAnnotations(method.getReturnType().getAnnotationMirrors());
        for (LibraryModels.Written w : fromStub) {
            q = q.join(qualOf(w.name()));
        }
        return q;
    }

    private Contract read(ExecutableElement method) {
        List<Invalidation> invalidations = new ArrayList<>();
        int resolvesOwner = -1;
        int resolvesHandle = 0;
        int issuesOwner = -1;
        boolean leaks = false;
        int reservesParam = 0;
        int derivesFrom = -1;
        boolean creates = false;
        int runsElsewhere = 0;
        int retains = -1;
        java.util.Set<Integer> borrowed = new java.util.TreeSet<>();
        for (LibraryModels.Written am : annotationsOf(method)) {
            switch (am.name()) {
                case INVALIDATES -> invalidations.add(invalidation(am, method));
                case INVALIDATES_LIST -> {
                    for (Object v : (List<?>) am.values().get("value")) {
                        invalidations.add(invalidation((LibraryModels.Written) v, method));
                    }
                }
                case RESOLVES -> {
                    resolvesOwner = position((String) am.values().get("value"), method);
                    resolvesHandle = Math.max(0, position((String) am.values().get("handle"), method));
                }
                case ISSUES -> issuesOwner = position((String) am.values().get("value"), method);
                case LEAKS -> leaks = true;
                case RESERVES -> reservesParam = Math.max(0, position((String) am.values().get("value"), method));
                case DERIVES -> derivesFrom = position((String) am.values().get("value"), method);
                case CREATES -> creates = true;
                case RUNS_ON_ANOTHER_THREAD -> runsElsewhere = Math.max(0, position((String) am.values().get("value"), method));
                case RETAINS -> retains = Math.max(0, position((String) am.values().get("value"), method));
                case BORROWS -> {
                    Object v = am.values().get("value");
                    for (Object spec : v instanceof List<?> list ? list : List.of(v)) {
                        int n = position((String) spec, method);
                        if (n > 0) {
                            borrowed.add(n);
                        }
                    }
                }
                default -> { }
            }
        }
        Contract c = new Contract(List.copyOf(invalidations), resolvesOwner, resolvesHandle, issuesOwner, leaks, reservesParam,
                derivesFrom, creates, resultQuals(method), runsElsewhere, retains, java.util.Set.copyOf(borrowed));
        return c.isEmpty() ? Contract.NONE : c;
    }

    private Invalidation invalidation(LibraryModels.Written am, ExecutableElement method) {
        int target = Math.max(0, position((String) am.values().get("value"), method));
        Effect effect = Effect.valueOf((String) am.values().get("effect"));
        int handle = Math.max(0, position((String) am.values().get("handle"), method));
        boolean unlessReserved = (Boolean) am.values().get("unlessReserved");
        int unlessPresent = Math.max(0, position((String) am.values().get("unlessPresent"), method));
        return new Invalidation(target, effect, handle, unlessReserved, unlessPresent);
    }

    /**
     * The parameter holding a byte size, for quick fixes only (not part of {@link Contract}, which
     * the analysis reads on every call): of a {@code @Resolves} method, the size of the view
     * ({@code @Resolves(size = "#2")}); of a resize, the new size ({@code @Invalidates(size = "#3")}).
     * Read from the method or what it overrides; -1 when none says.
     */
    int sizeParameter(ExecutableElement method, boolean ofResolves) {
        List<ExecutableElement> candidates = new ArrayList<>();
        candidates.add(method);
        candidates.addAll(overridden(method));
        for (ExecutableElement m : candidates) {
            for (LibraryModels.Written am : annotationsOf(m)) {
                List<LibraryModels.Written> all = new ArrayList<>();
                if (ofResolves && am.name().equals(RESOLVES)) {
                    all.add(am);
                } else if (!ofResolves && am.name().equals(INVALIDATES)) {
                    all.add(am);
                } else if (!ofResolves && am.name().equals(INVALIDATES_LIST)) {
                    for (Object v : (List<?>) am.values().get("value")) {
                        all.add((LibraryModels.Written) v);
                    }
                }
                for (LibraryModels.Written w : all) {
                    int n = position((String) w.values().get("size"), method);
                    if (n > 0) {
                        return n;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * {@code "this"} is 0, {@code "#n"} is n; empty is -1. A position the method does not have is
     * -1 too (the contract is ignored rather than crashing on a typo; the method's own
     * declaration is where such a typo would be reported).
     */
    static int position(String spec, ExecutableElement method) {
        if (spec == null || spec.isEmpty()) {
            return -1;
        }
        if (spec.equals("this")) {
            return 0;
        }
        if (spec.startsWith("#")) {
            try {
                int n = Integer.parseInt(spec.substring(1));
                return n >= 1 && n <= method.getParameters().size() ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private List<ExecutableElement> overridden(ExecutableElement method) {
        if (method.getKind() != ElementKind.METHOD || method.getModifiers().contains(Modifier.STATIC)
                || !(method.getEnclosingElement() instanceof TypeElement owner)) {
            return List.of();
        }
        List<ExecutableElement> result = new ArrayList<>();
        collectOverridden(method, owner, owner.asType(), result, new java.util.HashSet<>());
        return result;
    }

    private void collectOverridden(ExecutableElement method, TypeElement owner, TypeMirror type,
            List<ExecutableElement> out, java.util.Set<Element> seen) {
        for (TypeMirror sup : types.directSupertypes(type)) {
            if (!(sup instanceof DeclaredType dt) || !(dt.asElement() instanceof TypeElement te) || !seen.add(te)) {
                continue;
            }
            for (ExecutableElement candidate : ElementFilter.methodsIn(te.getEnclosedElements())) {
                if (candidate.getSimpleName().equals(method.getSimpleName())
                        && candidate.getParameters().size() == method.getParameters().size()
                        && elements.overrides(method, candidate, owner)) {
                    out.add(candidate);
                }
            }
            collectOverridden(method, owner, sup, out, seen);
        }
    }

    /**
     * True for a type whose methods (or whose supertypes' methods) carry contracts about their
     * receiver, or which carries a store qualifier. A method whose contract names only its
     * parameters or its result ({@code FileChannel.map(…, arena)}, {@code MemorySegment.asSlice},
     * {@code ExecutorService.submit}) does not make its type one: the type's objects own nothing.
     * A factory of the type itself ({@code @Creates}, {@code @Issues}) marks it too.
     */
    boolean isContractType(TypeElement type) {
        Boolean cached = contractTypes.get(type);
        if (cached != null) {
            return cached;
        }
        contractTypes.put(type, false); // cycles through supertypes end here
        boolean result = !annotationsOf(type).isEmpty();
        if (!result) {
            for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (definesContractType(m)) {
                    result = true;
                    break;
                }
            }
        }
        if (!result) {
            for (TypeMirror sup : types.directSupertypes(type.asType())) {
                if (sup instanceof DeclaredType dt && dt.asElement() instanceof TypeElement te && isContractType(te)) {
                    result = true;
                    break;
                }
            }
        }
        contractTypes.put(type, result);
        return result;
    }

    boolean isContractType(TypeMirror type) {
        TypeElement te = typeElement(type);
        return te != null && isContractType(te);
    }

    /**
     * A store-like type owns memory itself (it has a method that issues {@code long} handles or
     * resolves a handle parameter); other contract types (boxes, collections) keep theirs in a store.
     */
    boolean isStoreLike(TypeElement type) {
        Boolean cached = storeLikeTypes.get(type);
        if (cached != null) {
            return cached;
        }
        storeLikeTypes.put(type, false);
        boolean result = ownsMemory(type);
        for (ExecutableElement m : result ? List.<ExecutableElement>of() : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            Contract c = of(m);
            if ((c.issues() && m.getReturnType().getKind().isPrimitive()) || (c.resolves() && c.resolvesHandle() > 0)) {
                result = true;
                break;
            }
        }
        storeLikeTypes.put(type, result);
        return result;
    }

    boolean isStoreLike(TypeMirror type) {
        TypeElement te = typeElement(type);
        return te != null && isStoreLike(te);
    }

    static TypeElement typeElement(TypeMirror type) {
        if (type != null && type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement te) {
            return te;
        }
        if (type instanceof javax.lang.model.type.TypeVariable tv) {
            return typeElement(tv.getUpperBound()); // D extends HttpData: what D's values are known to be
        }
        if (type instanceof javax.lang.model.type.IntersectionType it && !it.getBounds().isEmpty()) {
            return typeElement(it.getBounds().getFirst());
        }
        return null;
    }

    /** A method whose contract is about its receiver, or a factory ({@code @Creates}, {@code @Issues}) of its own type. */
    private boolean definesContractType(ExecutableElement m) {
        if (annotationsOf(m).isEmpty()) {
            return false; // the common case, decided without reading a contract or searching what m overrides
        }
        Contract c = read(m);
        if (c.concernsReceiver()) {
            return true;
        }
        return (c.creates() || c.issues()) && m.getEnclosingElement() instanceof TypeElement owner
                && types.isSameType(types.erasure(m.getReturnType()), types.erasure(owner.asType()));
    }

    /**
     * True when the method itself (in source or a stub) ties memory to its arguments or result, or
     * invalidates something: what makes a call to it worth analysing even on a type without
     * contracts ({@code FileChannel.map(…, arena)}). Decided without reading a contract for the
     * methods that carry no Stowage annotation, which are nearly all.
     */
    boolean tiesMemory(ExecutableElement m) {
        if (annotationsOf(m).isEmpty()) {
            return false;
        }
        Contract c = read(m);
        return c.resolves() || c.issues() || c.creates() || !c.invalidations().isEmpty();
    }

    /** True for a type whose instances own memory ({@code @OwnsMemory}, in source or a stub). */
    boolean ownsMemory(TypeElement type) {
        for (LibraryModels.Written w : annotationsOf(type)) {
            if (w.name().equals(OWNS_MEMORY)) {
                return true;
            }
        }
        for (TypeMirror sup : types.directSupertypes(type.asType())) {
            if (sup instanceof DeclaredType dt && dt.asElement() instanceof TypeElement te && ownsMemory(te)) {
                return true;
            }
        }
        return false;
    }

    /** The guarantees a type states: qualifiers written on this use of the type, and on its class declaration (or its stub). */
    Quals qualsOf(TypeMirror type) {
        Quals q = fromAnnotations(type == null ? List.of() : type.getAnnotationMirrors());
        TypeElement te = typeElement(type);
        return te == null ? q : q.join(declaredQuals(te));
    }

    private final Map<TypeElement, Quals> declaredQuals = new HashMap<>();

    /** The qualifiers on a class declaration, from its stub when one mentions it; {@code @ScopeChecked} is inherited. */
    private Quals declaredQuals(TypeElement te) {
        Quals cached = declaredQuals.get(te);
        if (cached != null) {
            return cached;
        }
        declaredQuals.put(te, Quals.NONE);
        Quals q = Quals.NONE;
        for (LibraryModels.Written w : annotationsOf(te)) {
            q = q.join(qualOf(w.name()));
        }
        for (TypeMirror sup : types.directSupertypes(te.asType())) {
            if (sup instanceof DeclaredType dt && dt.asElement() instanceof TypeElement s && declaredQuals(s).scopeChecked()) {
                q = q.join(new Quals(false, false, false, false, false, true));
            }
        }
        declaredQuals.put(te, q);
        return q;
    }

    static Quals fromAnnotations(List<? extends AnnotationMirror> annotations) {
        Quals q = Quals.NONE;
        for (AnnotationMirror am : annotations) {
            q = q.join(qualOf(((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString()));
        }
        return q;
    }

    /** The guarantee one annotation states (none for annotations that are not qualifiers). */
    static Quals qualOf(String name) {
        return switch (name) {
            case "dev.stowage.qual.Multiple", "dev.stowage.checker.qual.MultipleHandles" -> new Quals(true, false, false, false);
            case "dev.stowage.qual.Stable", "dev.stowage.checker.qual.StableMemory" -> new Quals(false, true, false, false);
            case "dev.stowage.qual.Pinned", "dev.stowage.checker.qual.PinnedMemory" -> new Quals(false, false, true, false);
            case "dev.stowage.qual.SharedStore", "dev.stowage.checker.qual.SharedMember" -> new Quals(false, false, false, true);
            case "dev.stowage.qual.Confined" -> new Quals(false, false, false, false, true, false);
            case SCOPE_CHECKED -> new Quals(false, false, false, false, false, true);
            case PERSISTENT -> new Quals(false, false, false, false, false, false, true);
            default -> Quals.NONE;
        };
    }

    /** True when the effect, on an object with these guarantees, makes anything stale that a caller may hold. */
    static boolean invalidatesAnything(Effect effect, Quals q) {
        return switch (effect) {
            case ALLOCATE -> !(q.multiple() && q.stable());
            case RELOCATE -> !q.pinned();
            default -> true;
        };
    }
}
